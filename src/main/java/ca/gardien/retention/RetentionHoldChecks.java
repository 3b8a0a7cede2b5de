package ca.gardien.retention;

import ca.gardien.complaints.ComplaintTitles;
import ca.gardien.connectors.ConnectorCatalog;
import ca.gardien.incidents.Incidents;
import ca.gardien.organization.OrganizationTime;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.UUID;
import org.springframework.stereotype.Component;

/**
 * What a hold must be before anything is written: a registered connector and a table of its database, or a person by
 * an identifier that reads as one of its kind, a reason, an end to come, and an incident or complaint that exists in
 * its register. Every field in error is named at once.
 */
@Component
class RetentionHoldChecks {

    private static final ca.gardien.shared.TypedText REASON = new ca.gardien.shared.TypedText(
            "retention.field.reason", "retention.field.reason", "shared.field.control-characters");

    /** The hold as it will be written: blanks as nulls, texts stripped. */
    record Checked(String connector, String table, String subjectKind, String subject, String reason) {}

    private final ConnectorCatalog catalog;
    private final Incidents incidents;
    private final ComplaintTitles complaints;
    private final Clock clock;
    private final OrganizationTime time;

    RetentionHoldChecks(
            ConnectorCatalog catalog,
            Incidents incidents,
            ComplaintTitles complaints,
            Clock clock,
            OrganizationTime time) {
        this.catalog = catalog;
        this.incidents = incidents;
        this.complaints = complaints;
        this.clock = clock;
        this.time = time;
    }

    Checked check(RetentionHolds.NewHold h) {
        var errors = new ArrayList<FieldError>();
        var connector = stripped(h.connector());
        if (connector != null && !registered(connector)) {
            errors.add(FieldError.of("connector", "retention.field.connector"));
        }
        var table = stripped(h.table());
        if (table != null
                && (connector == null || !ca.gardien.shared.SqlNames.isName(table) || !inSchema(connector, table))) {
            errors.add(FieldError.of("table", "retention.field.table"));
        }
        var subject = stripped(h.subject());
        var kind = stripped(h.subjectKind());
        if ((subject == null) != (kind == null)
                || kind != null && IdentifierKind.fromKey(kind).isEmpty()) {
            errors.add(FieldError.of(subject == null ? "subject" : "subjectKind", "retention.field.subject"));
        } else if (subject != null && (subject.length() > 320 || !plausible(kind, subject))) {
            errors.add(FieldError.of("subject", "retention.field.subject-value"));
        }
        if (connector == null && subject == null) {
            errors.add(FieldError.of("connector", "retention.field.scope"));
        }
        if (h.incident() != null && !incidentExists(h.incident())) {
            errors.add(FieldError.of("incident", "retention.field.incident"));
        }
        if (h.complaint() != null && !complaints.exists(h.complaint())) {
            errors.add(FieldError.of("complaint", "retention.field.complaint"));
        }
        // required and readable: no-break spaces alone are no reason; direction overrides, zero-width spaces, DEL and
        // C1 controls passed an old check (attacker's reviews)
        var reason = REASON.prose(errors, "reason", h.reason(), 2000, true);
        var today = LocalDate.ofInstant(clock.instant(), time.zone());
        if (h.endsOn() != null && (h.endsOn().isBefore(today) || h.endsOn().isAfter(today.plusYears(100)))) {
            errors.add(FieldError.of("endsOn", "retention.field.ends-on"));
        }
        if (!errors.isEmpty()) throw new InvalidInputException(errors);
        return new Checked(connector, table, kind, subject, reason);
    }

    private boolean registered(String connector) {
        return catalog.list().stream().anyMatch(c -> c.id().equals(connector));
    }

    /** Whether the connector's database has this table (a hold on a table that does not exist would hold nothing). */
    private boolean inSchema(String connector, String table) {
        if (!registered(connector)) return true; // the connector is refused
        try {
            return catalog.schema(connector, false).table(table).isPresent();
        } catch (RuntimeException e) {
            return false;
        }
    }

    private boolean incidentExists(UUID id) {
        try {
            incidents.get(id);
            return true;
        } catch (NotFoundException e) {
            return false;
        }
    }

    /** An email must read as one and a phone as a number; other kinds are taken as the rows store them. */
    private static boolean plausible(String kind, String subject) {
        var known = IdentifierKind.fromKey(kind).orElseThrow();
        if (known == IdentifierKind.EMAIL) return SubjectIdentifier.normalizedEmail(subject) != null;
        if (known == IdentifierKind.PHONE) return SubjectIdentifier.of(known, subject, "CA") != null;
        return true;
    }

    private static String stripped(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
