package ca.gardien.incidents;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

/** How an entry of the register maps to a row of {@code incident} and back. */
final class IncidentRows {

    static final String COLUMNS = """
            id, reference, title, kind, status, pi_description, pi_unknown_reason, circumstances, occurred_from,
            occurred_to, occurred_approximate, aware_at, aware_offset, persons_count, persons_in_quebec,
            persons_approximate, systems, categories, sensitivity, sensitivity_reason, consequences, consequences_reason, likelihood, likelihood_reason,
            ill_intentioned_uses, consulted_on, consultation_note, suggested_serious, serious, override_reason,
            assessed_at, cai_notice_on, persons_notice_on, public_notice, public_notice_reason, no_notice_reason,
            other_authorities, retain_until, created_at, created_by, assigned_to, closed_at, version""";

    private IncidentRows() {}

    static Measure measure(ResultSet rs) throws SQLException {
        return new Measure(
                rs.getObject("id", UUID.class),
                MeasureKind.valueOf(rs.getString("kind")),
                rs.getString("description"),
                rs.getString("owner"),
                rs.getObject("due_on", LocalDate.class),
                rs.getObject("done_on", LocalDate.class));
    }

    static List<Object> values(Incident i) {
        var a = i.assessment();
        return Arrays.asList(
                i.id(),
                i.reference(),
                i.title(),
                i.kind() == null ? null : i.kind().name(),
                i.status().name(),
                i.piDescription(),
                i.piUnknownReason(),
                i.circumstances(),
                i.occurredFrom(),
                i.occurredTo(),
                i.occurredApproximate(),
                i.awareAt().withOffsetSameInstant(ZoneOffset.UTC),
                i.awareAt().getOffset().getId(),
                i.personsCount(),
                i.personsInQuebec(),
                i.personsApproximate(),
                String.join(",", i.systems()),
                String.join(",", i.categories()),
                a == null ? null : a.sensitivity().name(),
                a == null ? null : a.sensitivityReason(),
                a == null ? null : a.consequences().name(),
                a == null ? null : a.consequencesReason(),
                a == null ? null : a.likelihood().name(),
                a == null ? null : a.likelihoodReason(),
                a == null ? null : a.illIntentionedUses(),
                a == null ? null : a.consultedOn(),
                a == null ? null : a.consultationNote(),
                a == null ? null : a.suggestedSerious(),
                a == null ? null : a.serious(),
                a == null ? null : a.overrideReason(),
                a == null ? null : a.assessedAt().atOffset(ZoneOffset.UTC),
                i.caiNoticeOn(),
                i.personsNoticeOn(),
                i.publicNotice(),
                i.publicNoticeReason(),
                i.noNoticeReason(),
                i.otherAuthorities(),
                i.retainUntil(),
                i.createdAt().atOffset(ZoneOffset.UTC),
                i.createdBy(),
                i.assignedTo(),
                i.closedAt() == null ? null : i.closedAt().atOffset(ZoneOffset.UTC),
                i.version());
    }

    static Incident row(ResultSet rs) throws SQLException {
        RiskAssessment assessment = null;
        if (rs.getString("sensitivity") != null) {
            assessment = new RiskAssessment(
                    Level.valueOf(rs.getString("sensitivity")),
                    rs.getString("sensitivity_reason"),
                    Level.valueOf(rs.getString("consequences")),
                    rs.getString("consequences_reason"),
                    Level.valueOf(rs.getString("likelihood")),
                    rs.getString("likelihood_reason"),
                    rs.getString("ill_intentioned_uses"),
                    rs.getObject("consulted_on", LocalDate.class),
                    rs.getString("consultation_note"),
                    rs.getBoolean("suggested_serious"),
                    rs.getBoolean("serious"),
                    rs.getString("override_reason"),
                    instant(rs, "assessed_at"));
        }
        var kind = rs.getString("kind");
        var aware = rs.getObject("aware_at", OffsetDateTime.class)
                .withOffsetSameInstant(ZoneOffset.of(rs.getString("aware_offset")));
        return new Incident(
                rs.getObject("id", UUID.class),
                rs.getString("reference"),
                rs.getString("title"),
                kind == null ? null : IncidentKind.valueOf(kind),
                IncidentStatus.valueOf(rs.getString("status")),
                rs.getString("pi_description"),
                rs.getString("pi_unknown_reason"),
                rs.getString("circumstances"),
                rs.getObject("occurred_from", LocalDate.class),
                rs.getObject("occurred_to", LocalDate.class),
                rs.getBoolean("occurred_approximate"),
                aware,
                rs.getObject("persons_count", Long.class),
                rs.getObject("persons_in_quebec", Long.class),
                rs.getBoolean("persons_approximate"),
                ids(rs.getString("systems")),
                ids(rs.getString("categories")),
                assessment,
                rs.getObject("cai_notice_on", LocalDate.class),
                rs.getObject("persons_notice_on", LocalDate.class),
                rs.getBoolean("public_notice"),
                rs.getString("public_notice_reason"),
                rs.getString("no_notice_reason"),
                rs.getString("other_authorities"),
                List.of(),
                rs.getObject("retain_until", LocalDate.class),
                instant(rs, "created_at"),
                rs.getString("created_by"),
                rs.getObject("assigned_to", UUID.class),
                instant(rs, "closed_at"),
                rs.getInt("version"));
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static List<String> ids(String joined) {
        return joined == null || joined.isEmpty() ? List.of() : List.of(joined.split(","));
    }
}
