package ca.gardien.requests;

import ca.gardien.organization.Letterhead;
import ca.gardien.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.Period;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;

/** The statutory clock of each jurisdiction profile, computed from configuration for any day of any year. */
@Service
public class Deadlines {

    private final Map<String, RequestsProperties.Jurisdiction> profiles;
    private final Map<String, HolidayCalendar> calendars = new TreeMap<>();
    private final String primary;
    /** The {@link #filing} profile, fixed with the configuration; null when there is no profile at all. */
    private final String filing;
    /**
     * Days in words for the messages to the person, and the organization that signs them; absent in plain unit tests,
     * where a day stays ISO and a message names no sender.
     */
    private Letterhead letterhead;

    Deadlines(RequestsProperties properties) {
        this.profiles = properties.jurisdictions();
        properties.calendars().forEach((name, spec) -> calendars.put(name, HolidayCalendar.of(spec)));
        profiles.forEach((name, p) -> {
            if (p.response() == null
                    || p.response().isNegative()
                    || p.response().isZero()) {
                throw new IllegalStateException("gardien.requests.jurisdictions." + name + ".response must be set");
            }
            if (p.deemedRefusal() && (p.remedyDays() == null || p.remedyDays() < 1)) {
                // the deemed refusal's email tells the person how long they have to apply to the regulator
                throw new IllegalStateException(
                        "gardien.requests.jurisdictions." + name + ".remedy-days must be set with deemed-refusal");
            }
            calendar(p.calendar());
            calendar(p.businessCalendar());
            ZoneId.of(p.zone());
        });
        var named = properties.primaryJurisdiction();
        if (named != null && !profiles.containsKey(named)) {
            throw new IllegalStateException(
                    "gardien.requests.primary-jurisdiction must name a profile of gardien.requests.jurisdictions");
        }
        this.primary = named != null
                ? named
                : profiles.size() == 1 ? profiles.keySet().iterator().next() : null;
        this.filing = primary != null
                ? primary
                : profiles.keySet().stream().sorted().findFirst().orElse(null);
    }

    @Autowired(required = false)
    void letterhead(Letterhead letterhead) {
        this.letterhead = letterhead;
    }

    /**
     * A day as a message to the person writes it, in words in the message's language ("5 décembre 2026", "December 5,
     * 2026"), as letters and the public pages do ({@link Letterhead#day}).
     */
    public String inWords(LocalDate day, String language) {
        return letterhead == null ? day.toString() : letterhead.day(day, Locale.forLanguageTag(language));
    }

    /** The names of the configured profiles, e.g. QC, GDPR, CCPA. */
    public Set<String> jurisdictions() {
        return profiles.keySet();
    }

    /**
     * The profile the organization answers under unless staff choose another: the one {@code
     * gardien.requests.primary-jurisdiction} names (QC as shipped), else the only profile; null when there are several
     * and none is named.
     */
    public String primary() {
        return primary;
    }

    /**
     * The profile a request is filed under when no one chose one (the public form) and whose day the queue counts
     * from: the {@link #primary} one, else the first profile by name.
     */
    public String filing() {
        if (filing == null) {
            throw new java.util.NoSuchElementException("no jurisdiction profile"); // as before: no profile, no filing
        }
        return filing;
    }

    /**
     * @throws InvalidInputException naming {@code jurisdiction} when the profile does not exist
     */
    public Deadline compute(String jurisdiction, LocalDate receivedOn) {
        var name = known(jurisdiction);
        var profile = profiles.get(name);
        var calendar = calendar(profile.calendar());
        var skipped = new ArrayList<String>();
        var expiry = receivedOn.plus(profile.response());
        var due = calendar.firstOpenFrom(expiry, skipped);
        LocalDate extended = null;
        if (hasExtension(profile)) {
            // counted from receipt: one month plus two is three months (P1M + P2M = P3M), 45 + 45 days is 90
            extended = calendar.firstOpenFrom(
                    receivedOn.plus(profile.response().plus(profile.extension())), new ArrayList<>());
        }
        LocalDate acknowledgeBy = profile.acknowledgeWithinBusinessDays() == null
                ? null
                : calendar(profile.businessCalendar())
                        .openDaysAfter(receivedOn, profile.acknowledgeWithinBusinessDays());
        return new Deadline(
                name,
                receivedOn,
                due,
                profile.rule(),
                due.equals(expiry) ? null : expiry,
                skipped.isEmpty() ? null : skipped,
                extended,
                extended != null,
                profile.deemedRefusal(),
                acknowledgeBy);
    }

    /**
     * The first day on or after {@code day} on which a time limit of the profile may expire: the day itself, or the
     * next day that is neither a closed weekday nor a holiday of the profile's calendar (other modules' clocks, e.g.
     * complaints, use the same calendar as rights requests).
     *
     * @throws InvalidInputException naming {@code jurisdiction} when the profile does not exist
     */
    public LocalDate firstOpenDay(String jurisdiction, LocalDate day) {
        return calendar(profiles.get(known(jurisdiction)).calendar()).firstOpenFrom(day, new ArrayList<>());
    }

    /** The day of receipt of an instant, in the profile's time zone. */
    public LocalDate dayOf(String jurisdiction, Instant instant) {
        return LocalDate.ofInstant(instant, zone(jurisdiction));
    }

    ZoneId zone(String jurisdiction) {
        return ZoneId.of(profiles.get(known(jurisdiction)).zone());
    }

    /** Whether requests of the type may be made under the profile (erasure exists only where the profile says so). */
    boolean allows(String jurisdiction, RequestType type) {
        return type != RequestType.ERASURE || profiles.get(known(jurisdiction)).erasure();
    }

    /** The time limit of the remedy against a refusal under the profile, in days; null when it sets none. */
    Integer remedyDays(String jurisdiction) {
        return profiles.get(known(jurisdiction)).remedyDays();
    }

    boolean deemsRefusal(String jurisdiction) {
        return profiles.get(known(jurisdiction)).deemedRefusal();
    }

    /** The holidays of a calendar in a year, by name (for the documentation and the console). */
    Map<String, LocalDate> holidays(String calendar, int year) {
        return calendar(calendar).holidaysIn(year);
    }

    String known(String jurisdiction) {
        var name = jurisdiction == null ? "" : jurisdiction.strip().toUpperCase(Locale.ROOT);
        if (!profiles.containsKey(name)) {
            throw new InvalidInputException("jurisdiction", "shared.field.one-of", profiles.keySet());
        }
        return name;
    }

    private static boolean hasExtension(RequestsProperties.Jurisdiction profile) {
        return profile.extension() != null && !profile.extension().equals(Period.ZERO);
    }

    private HolidayCalendar calendar(String name) {
        if (name == null || name.isBlank()) {
            return HolidayCalendar.NONE;
        }
        var calendar = calendars.get(name.toUpperCase(Locale.ROOT));
        if (calendar == null) {
            throw new IllegalStateException("gardien.requests.calendars." + name + " is not configured");
        }
        return calendar;
    }
}
