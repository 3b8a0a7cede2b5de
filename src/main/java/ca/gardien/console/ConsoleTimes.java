package ca.gardien.console;

import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.DateRange;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.TextStyle;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.stereotype.Component;

/**
 * The one way the console writes and reads times: in the organization's time zone ({@link OrganizationTime}), never
 * the server's or UTC. Templates call it as {@code @times.at(…)}; a time of day carries the zone's abbreviation in the
 * page's language ("2026-01-14 22:30 HNE"), a CSV writes it with its offset ("2026-01-14T22:30:00-05:00"), and a day
 * typed in a filter is the organization's day. Accepts an {@link Instant}, an {@link OffsetDateTime} or a
 * {@link ZonedDateTime}; null is written as nothing.
 */
@Component("times")
class ConsoleTimes {

    private static final String MINUTES = OrganizationTime.MINUTES;
    private static final String SECONDS = "yyyy-MM-dd HH:mm:ss z";

    private final OrganizationTime organization;
    private final Map<String, DateTimeFormatter> formatters = new ConcurrentHashMap<>();

    ConsoleTimes(OrganizationTime organization) {
        this.organization = organization;
    }

    ZoneId zone() {
        return organization.zone();
    }

    /** A moment to the minute, with its zone: {@code 2026-01-14 22:30 HNE}. */
    public String at(Object moment) {
        return format(moment, zone(), MINUTES);
    }

    /** A moment to the second, with its zone (the ledger, the outbox). */
    public String second(Object moment) {
        return format(moment, zone(), SECONDS);
    }

    /** A moment in another zone than the organization's, with that zone (a request's receipt, in its jurisdiction's). */
    String at(Instant moment, ZoneId zone) {
        return format(moment, zone, MINUTES);
    }

    /** The organization's day of a moment: {@code 2026-01-14}. */
    public String day(Object moment) {
        var zoned = zoned(moment, zone());
        return zoned == null ? "" : zoned.toLocalDate().toString();
    }

    /** ISO 8601 with the offset, to the second: a {@code <time datetime>} attribute and a CSV's cells. */
    public String iso(Object moment) {
        var zoned = zoned(moment, zone());
        return zoned == null ? "" : organization.iso(zoned.toInstant());
    }

    /** ISO 8601 with the offset of another zone than the organization's (a request's receipt, in its jurisdiction's). */
    String iso(Instant moment, ZoneId zone) {
        return OrganizationTime.iso(moment, zone);
    }

    /** The zone in the page's language only: "heure de l’Est nord-américain" (a form's label). */
    public String zoneInWords() {
        return zone().getDisplayName(TextStyle.FULL, LocaleContextHolder.getLocale());
    }

    /** The zone, named in the page's language with its id: "heure de l’Est (America/Toronto)". */
    public String zoneName() {
        var locale = LocaleContextHolder.getLocale();
        return zone().getDisplayName(TextStyle.FULL, locale) + " (" + zone().getId() + ")";
    }

    /** The first instant of a day typed in a filter, as the organization counts days; null when blank or unreadable. */
    Instant from(String day) {
        var parsed = DateRange.day(day);
        return parsed == null ? null : organization.startOf(parsed);
    }

    /** The first instant after a day typed in a filter (exclusive end); null when blank or unreadable. */
    Instant to(String day) {
        var parsed = DateRange.day(day);
        return parsed == null ? null : organization.startOf(parsed.plusDays(1));
    }

    /** Today, as the organization counts days (a date input's default). */
    LocalDate today() {
        return organization.today();
    }

    /** The organization's day of an instant (a file's name, a timeline's day). */
    LocalDate dayOf(Instant instant) {
        return organization.day(instant);
    }

    private String format(Object moment, ZoneId zone, String pattern) {
        var zoned = zoned(moment, zone);
        if (zoned == null) {
            return "";
        }
        var locale = LocaleContextHolder.getLocale();
        return formatters
                .computeIfAbsent(pattern + "|" + locale, k -> DateTimeFormatter.ofPattern(pattern, locale))
                .format(zoned);
    }

    private static ZonedDateTime zoned(Object moment, ZoneId zone) {
        return switch (moment) {
            case null -> null;
            case Instant i -> i.atZone(zone);
            case OffsetDateTime o -> o.atZoneSameInstant(zone);
            case ZonedDateTime z -> z.withZoneSameInstant(zone);
            default ->
                throw new IllegalArgumentException(
                        "not a moment: " + moment.getClass().getName());
        };
    }
}
