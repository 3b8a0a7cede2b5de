package ca.gardien.console;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.Language;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Locale;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.context.i18n.LocaleContextHolder;

/**
 * Every console time in the organization's zone (issue 13, officer's review): a moment near midnight UTC shows the
 * organization's day and hour with its zone, a typed day is the organization's day, and a CSV writes the offset. One
 * way only: no console template formats a time itself and no console class but {@link ConsoleTimes} formats one.
 */
class ConsoleTimesTest {

    /** 03:30 UTC on 15 January is 22:30 on 14 January in Québec (EST, UTC-5). */
    static final Instant LATE_EVENING = Instant.parse("2026-01-15T03:30:00Z");

    private static final ZoneId QUEBEC = ZoneId.of("America/Toronto");

    private final ConsoleTimes times =
            new ConsoleTimes(OrganizationTime.of(QUEBEC, Clock.fixed(LATE_EVENING, ZoneOffset.UTC)));

    @AfterEach
    void resetLocale() {
        LocaleContextHolder.resetLocaleContext();
    }

    @Test
    void aMomentNearMidnightUtcShowsTheOrganizationsDayAndHourWithItsZone() {
        LocaleContextHolder.setLocale(Language.FRENCH.locale());
        assertThat(times.at(LATE_EVENING)).isEqualTo("2026-01-14 22:30 HNE");
        assertThat(times.second(LATE_EVENING.plusSeconds(7))).isEqualTo("2026-01-14 22:30:07 HNE");
        assertThat(times.day(LATE_EVENING)).isEqualTo("2026-01-14");
        // summer time: the abbreviation follows the date
        assertThat(times.at(Instant.parse("2026-07-15T03:30:00Z"))).isEqualTo("2026-07-14 23:30 HAE");
        LocaleContextHolder.setLocale(Language.ENGLISH.locale());
        assertThat(times.at(LATE_EVENING)).isEqualTo("2026-01-14 22:30 EST");
        // a time stored with another offset is shown in the organization's zone all the same
        assertThat(times.at(OffsetDateTime.parse("2026-01-15T04:30:00+01:00"))).isEqualTo("2026-01-14 22:30 EST");
        assertThat(times.at(null)).isEmpty();
    }

    @Test
    void aCsvWritesTheTimeWithItsOffsetAndADateAttributeTheSame() {
        assertThat(times.iso(LATE_EVENING)).isEqualTo("2026-01-14T22:30:00-05:00");
        assertThat(times.iso(LATE_EVENING.plusMillis(7_250))).isEqualTo("2026-01-14T22:30:07-05:00");
        assertThat(times.iso(null)).isEmpty();
    }

    @Test
    void aTypedDayIsTheOrganizationsDayNotUtcs() {
        assertThat(times.from("2026-01-14")).isEqualTo(Instant.parse("2026-01-14T05:00:00Z"));
        assertThat(times.to("2026-01-14")).isEqualTo(Instant.parse("2026-01-15T05:00:00Z"));
        assertThat(LATE_EVENING).isBetween(times.from("2026-01-14"), times.to("2026-01-14"));
        assertThat(LATE_EVENING).isBefore(times.from("2026-01-15"));
        // the day summer time begins has 23 hours
        assertThat(times.to("2026-03-08")).isEqualTo(Instant.parse("2026-03-09T04:00:00Z"));
        assertThat(times.from("2026-13-45")).isNull();
        assertThat(times.to(" ")).isNull();
        assertThat(times.today()).hasToString("2026-01-14");
    }

    @Test
    void theZoneIsConfigurationAndNamedInThePagesLanguage() {
        var paris = new ConsoleTimes(OrganizationTime.of(ZoneId.of("Europe/Paris"), Clock.systemUTC()));
        LocaleContextHolder.setLocale(Locale.CANADA);
        assertThat(paris.day(LATE_EVENING)).isEqualTo("2026-01-15");
        assertThat(paris.iso(LATE_EVENING)).isEqualTo("2026-01-15T04:30:00+01:00");
        assertThat(paris.zoneName()).contains("(Europe/Paris)");
        LocaleContextHolder.setLocale(Language.FRENCH.locale());
        assertThat(times.zoneName()).isEqualTo("heure de l’Est (America/Toronto)");
    }

    /** A console template that formats a time itself: Thymeleaf's own utilities, which know no organization zone. */
    private static final Pattern TEMPLATE_FORMATTING = Pattern.compile("#(?:temporals|dates|calendars)\\.");

    @Test
    void noConsoleTemplateFormatsATimeItself() throws IOException {
        try (Stream<Path> files = Files.list(Path.of("src/main/resources/templates/console"))) {
            assertThat(files.filter(f -> TEMPLATE_FORMATTING.matcher(read(f)).find()))
                    .as("console templates write times with @times, in the organization's zone")
                    .isEmpty();
        }
    }

    @Test
    void noConsoleClassButTheOneFormatterFormatsATime() {
        noClasses()
                .that()
                .resideInAPackage("ca.gardien.console..")
                .and()
                .doNotHaveSimpleName("ConsoleTimes")
                .should()
                .dependOnClassesThat()
                .resideInAnyPackage("java.time.format..")
                .because("a console time is written by ConsoleTimes, in the organization's zone")
                .check(ConsoleArchitectureTest.CLASSES);
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
