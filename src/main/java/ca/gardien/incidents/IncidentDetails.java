package ca.gardien.incidents;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;

/**
 * What the officer describes of an incident, at creation or later (register items 1–5, the kind, the data map's
 * systems and categories). Unknown values may be left out while the entry is open; closing needs them.
 *
 * @param occurredOn the date it occurred, or the first day of the period
 * @param occurredUntil the last day of the period, when it lasted more than a day
 * @param occurredApproximate the dates are an approximation (the exact dates are not known)
 * @param personsInQuebec how many of the persons concerned reside in Québec (s. 3 of the Regulation: the notice to the
 *     Commission gives both numbers), null while unknown
 * @param personsApproximate the numbers of persons are approximations
 */
@org.springframework.modulith.NamedInterface("views")
public record IncidentDetails(
        String title,
        IncidentKind kind,
        String piDescription,
        String piUnknownReason,
        String circumstances,
        LocalDate occurredOn,
        LocalDate occurredUntil,
        Boolean occurredApproximate,
        OffsetDateTime awareAt,
        Long personsCount,
        Long personsInQuebec,
        Boolean personsApproximate,
        List<String> systems,
        List<String> categories) {}
