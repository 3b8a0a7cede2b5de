package ca.gardien.organization;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Component;

/**
 * The organization's time zone ({@code gardien.organization.time-zone}, America/Toronto by default: the reference
 * customer is in Québec), the one source of the organization's hours and days: the console shows every time in it and
 * reads a typed day as a day of it, and the modules that count the organization's days (incidents, retention) count
 * them in it. A rights request's legal days are counted in its jurisdiction's zone instead ({@code requests}).
 */
@Component
@NamedInterface("views")
public class OrganizationTime {

    static final ZoneId DEFAULT_ZONE = ZoneId.of("America/Toronto");

    /** Always the seconds, which {@code OffsetDateTime.toString()} drops when they are zero. */
    private static final DateTimeFormatter ISO = DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ssXXX");

    private final ZoneId zone;
    private final Clock clock;

    /** Settings that named the organization's zone before there was one for the whole installation. */
    static final java.util.List<String> REPLACED =
            java.util.List.of("gardien.incidents.zone", "gardien.retention.zone");

    @Autowired
    OrganizationTime(OrganizationProperties properties, Clock clock, org.springframework.core.env.Environment env) {
        this(properties.timeZone(), clock);
        // a zone set under an old name would be ignored without a word: refuse to start and say what to set instead
        for (var old : REPLACED) {
            if (env.containsProperty(old)) {
                throw new IllegalStateException(
                        old + " was replaced by gardien.organization.time-zone (GARDIEN_TIME_ZONE): set that instead");
            }
        }
    }

    private OrganizationTime(ZoneId zone, Clock clock) {
        this.zone = zone;
        this.clock = clock;
    }

    /** The organization's time in a given zone, outside the application context (plain unit tests of its users). */
    public static OrganizationTime of(ZoneId zone, Clock clock) {
        return new OrganizationTime(zone, clock);
    }

    public ZoneId zone() {
        return zone;
    }

    public Instant now() {
        return clock.instant();
    }

    /** Today, as the organization counts days. */
    public LocalDate today() {
        return LocalDate.ofInstant(clock.instant(), zone);
    }

    /** The organization's day of an instant. */
    public LocalDate day(Instant instant) {
        return LocalDate.ofInstant(instant, zone);
    }

    /**
     * An instant as ISO 8601 with the organization's offset, to the second ({@code 2026-01-14T22:30:00-05:00}): how a
     * CSV writes a time, readable by a person and exact for a program.
     */
    public String iso(Instant instant) {
        return iso(instant, zone);
    }

    /**
     * How a person reads a moment, on a page or in a document: to the minute, in the organization's zone named by its
     * abbreviation in the reader's language ({@code 2026-01-14 22:30 HNE}, {@code 2026-01-14 22:30 EST}).
     */
    public static final String MINUTES = "yyyy-MM-dd HH:mm z";

    /** A moment as a person reads it in a document ({@link #MINUTES}), in the organization's zone. */
    public String at(Instant instant, java.util.Locale locale) {
        return DateTimeFormatter.ofPattern(MINUTES, locale).format(instant.atZone(zone));
    }

    /** An instant as ISO 8601 with the offset of another zone (a request's receipt, in its jurisdiction's). */
    public static String iso(Instant instant, ZoneId zone) {
        return ISO.format(instant.atZone(zone));
    }

    /** The first instant of one of the organization's days (midnight there, or the first hour of a day without one). */
    public Instant startOf(LocalDate day) {
        return day.atStartOfDay(zone).toInstant();
    }
}
