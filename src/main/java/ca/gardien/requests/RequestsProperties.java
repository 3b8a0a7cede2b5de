package ca.gardien.requests;

import ca.gardien.shared.RateLimits.Quota;
import java.nio.file.Path;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.util.unit.DataSize;

/**
 * Settings of the rights-requests module. The jurisdiction profiles and holiday calendars are data (defaults in
 * {@code application.yml}, {@code gardien.requests.*}), so that an unverified legal point is changed by configuration.
 *
 * @param keyDirectory where the HMAC key for identifier look-ups and verification codes lives (shared by all nodes)
 * @param phoneRegion the region assumed for phone numbers written without a country code
 * @param primaryJurisdiction the profile the organization answers under unless staff choose another (QC as shipped):
 *     the officer's entry form starts on it, the public form files under it; empty for none (then the only profile,
 *     when there is one; the public form the first by name)
 */
@ConfigurationProperties("gardien.requests")
record RequestsProperties(
        Map<String, Calendar> calendars,
        Map<String, Jurisdiction> jurisdictions,
        @DefaultValue Verification verification,
        @DefaultValue Workflow workflow,
        @DefaultValue Delivery delivery,
        @DefaultValue Retention retention,
        @DefaultValue Limits limits,
        Path keyDirectory,
        @DefaultValue("CA") String phoneRegion,
        String primaryJurisdiction) {

    RequestsProperties {
        calendars = upper(calendars);
        jurisdictions = upper(jurisdictions);
        primaryJurisdiction = primaryJurisdiction == null || primaryJurisdiction.isBlank()
                ? null
                : primaryJurisdiction.strip().toUpperCase(Locale.ROOT);
    }

    private static <V> Map<String, V> upper(Map<String, V> map) {
        var copy = new TreeMap<String, V>();
        if (map != null) {
            map.forEach((k, v) -> copy.put(k.toUpperCase(Locale.ROOT), v));
        }
        return copy;
    }

    /**
     * A holiday calendar: weekdays on which a time limit never expires, named holidays ({@link HolidayRule} syntax)
     * and single proclaimed dates.
     */
    record Calendar(Set<DayOfWeek> closedWeekdays, Map<String, String> holidays, Set<LocalDate> extraDates) {
        Calendar {
            closedWeekdays = closedWeekdays == null ? Set.of() : Set.copyOf(closedWeekdays);
            holidays = holidays == null ? Map.of() : holidays;
            extraDates = extraDates == null ? Set.of() : Set.copyOf(extraDates);
        }
    }

    /**
     * @param response the time limit from receipt (ISO-8601 period: {@code P30D}, {@code P1M})
     * @param extension the longest extension allowed with notice and reasons; absent when there is none
     * @param calendar the calendar whose closed days move an expiring time limit to the next open day
     * @param zone the time zone in which the day of receipt is counted
     * @param deemedRefusal whether silence at expiry is a deemed refusal (Québec, s. 32)
     * @param acknowledgeWithinBusinessDays when set, the receipt must be confirmed within that many business days
     * @param businessCalendar the calendar that defines business days for the acknowledgement
     * @param erasure whether the profile knows an erasure right ({@code ERASURE} requests)
     * @param rule the rule, as shown to people, e.g. "P-39.1 s. 32: 30 days from receipt"
     * @param remedyDays the time limit of the remedy against a refusal, in days, when the law sets one (Québec: 30,
     *     P-39.1 s. 43): a refusal's answer form starts with it, the letter and the deemed refusal's email state it;
     *     required with {@code deemedRefusal}
     */
    record Jurisdiction(
            Period response,
            Period extension,
            String calendar,
            @DefaultValue("UTC") String zone,
            boolean deemedRefusal,
            Integer acknowledgeWithinBusinessDays,
            String businessCalendar,
            boolean erasure,
            String rule,
            Integer remedyDays) {}

    /**
     * @param codeValidFor how long a one-time code may be used
     * @param maxAttempts wrong codes before the identifier is locked
     * @param lockFor how long it stays locked
     * @param maxCodesPerHour codes sent per identifier and hour
     */
    record Verification(
            @DefaultValue("15m") Duration codeValidFor,
            @DefaultValue("5") int maxAttempts,
            @DefaultValue("1h") Duration lockFor,
            @DefaultValue("3") int maxCodesPerHour) {}

    /**
     * @param taskLeadDays a task is due this many days before the legal due date
     * @param reminderDaysLeft days left before a task's due date at which its assignee is reminded
     * @param defaultAssignee account that receives new tasks when nobody is named (empty: unassigned)
     */
    record Workflow(
            @DefaultValue("5") int taskLeadDays,
            @DefaultValue({"7", "2"}) List<Integer> reminderDaysLeft,
            UUID defaultAssignee) {}

    /**
     * @param linkValidFor how long a download link works
     * @param maxUpload largest scanned letter or representative document accepted
     */
    record Delivery(
            @DefaultValue("P7D") Duration linkValidFor,
            @DefaultValue("10MB") DataSize maxUpload) {}

    /**
     * How long a request's personal information is kept once the request ended (sent, closed, cancelled or deemed
     * refused), Law 25 s. 23. The default is an organizational choice, not a period the law sets: set it to the
     * retention the organization's rules and any law requiring longer retention call for.
     *
     * @param keepFor kept this long after the request ended (ISO-8601 period), then destroyed by the sweep
     * @param sweepEvery how often each node looks for requests whose period is over
     */
    record Retention(
            @DefaultValue("P1Y") Period keepFor,
            @DefaultValue("1h") Duration sweepEvery) {}

    /**
     * Abuse limits of the public request form and code endpoints ({@code <max>/<window>}, e.g. {@code 5/1h}; counted
     * for the whole cluster, docs/abuse-limits.md). An address is the client's as the servlet container sees it (set
     * {@code server.forward-headers-strategy} behind a reverse proxy); an identifier is a normalized email or phone.
     *
     * @param formPerAddress requests received through the public form from one address
     * @param formPerIdentifier requests received through the public form for one email or phone, whatever the address
     *     (each sends an acknowledgement and a code)
     * @param codeSendsPerAddress new codes asked for on the public pages and endpoint from one address
     * @param codesPerIdentifier codes sent to one email or phone across all its requests on anonymous calls (the public
     *     form, the public code pages and endpoint)
     * @param codeChecksPerAddress codes typed on the public pages and endpoint from one address
     * @param staffCodesPerIdentifier codes sent to one email or phone across all its requests on authenticated calls
     *     (staff, API tokens, OpenCompliance controllers): apart from the public quota, which anybody can spend
     * @param smsBudget codes sent by text message by the whole organization, whatever the number and the caller: the
     *     bill's bound against SMS pumping through many ordinary numbers (beyond it a code is held back)
     */
    record Limits(
            @DefaultValue("5/1h") Quota formPerAddress,
            @DefaultValue("3/1d") Quota formPerIdentifier,
            @DefaultValue("10/1h") Quota codeSendsPerAddress,
            @DefaultValue("10/1d") Quota codesPerIdentifier,
            @DefaultValue("30/1h") Quota codeChecksPerAddress,
            @DefaultValue("10/1d") Quota staffCodesPerIdentifier,
            @DefaultValue("200/1h") Quota smsBudget) {}
}
