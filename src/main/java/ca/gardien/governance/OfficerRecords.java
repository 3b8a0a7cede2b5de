package ca.gardien.governance;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The person in charge's written records in the order they were stored (column {@code seq}; two records of the same
 * instant keep their order); rows are only added, and a delegation's or an absence's end only brought forward ({@link RecordEnds}).
 */
@Repository
class OfficerRecords {

    private final JdbcClient jdbc;

    OfficerRecords(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    List<OfficerRecord> all() {
        return jdbc.sql("SELECT * FROM governance_officer_record ORDER BY seq")
                .query(OfficerRecords::row)
                .list();
    }

    Optional<OfficerRecord> find(UUID id) {
        return jdbc.sql("SELECT * FROM governance_officer_record WHERE id = ?")
                .param(id)
                .query(OfficerRecords::row)
                .optional();
    }

    /** The record, locked until the transaction ends: two ends at once see each other's (the ledger keeps the right one). */
    Optional<OfficerRecord> lock(UUID id) {
        return jdbc.sql("SELECT * FROM governance_officer_record WHERE id = ? FOR UPDATE")
                .param(id)
                .query(OfficerRecords::row)
                .optional();
    }

    /**
     * Locks the substitute's records until the transaction ends: absences delegates record at once wait for each other,
     * so that each counts the other's days ({@link AbsencePeriods}).
     */
    void lockSubstitutes() {
        jdbc.sql("SELECT id FROM governance_officer_record WHERE kind = 'SUBSTITUTE' FOR UPDATE")
                .query(UUID.class)
                .list();
    }

    /** Brings a record's end forward to {@code endsOn}; false when it already ends that day or sooner. */
    boolean end(UUID id, OfficerRecord.Kind kind, LocalDate endsOn) {
        return jdbc.sql("UPDATE governance_officer_record SET ends_on = ? WHERE id = ? AND kind = ?"
                                + " AND (ends_on IS NULL OR ends_on > ?)")
                        .params(endsOn, id, kind.name(), endsOn)
                        .update()
                == 1;
    }

    private static OfficerRecord row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new OfficerRecord(
                rs.getObject("id", UUID.class),
                OfficerRecord.Kind.valueOf(rs.getString("kind")),
                rs.getObject("account_id", UUID.class),
                rs.getString("name"),
                rs.getString("title"),
                rs.getString("email"),
                rs.getString("scope"),
                rs.getString("part"),
                rs.getObject("starts_on", LocalDate.class),
                rs.getObject("ends_on", LocalDate.class),
                rs.getString("document_sha256"),
                PolicyStore.instant(rs, "recorded_at"),
                rs.getString("recorded_by"));
    }

    void add(OfficerRecord r) {
        jdbc.sql("INSERT INTO governance_officer_record (id, kind, account_id, name, title, email, scope, part,"
                        + " starts_on, ends_on, document_sha256, recorded_at, recorded_by)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        r.id(),
                        r.kind().name(),
                        r.accountId(),
                        r.name(),
                        r.title(),
                        r.email(),
                        r.scope(),
                        r.part(),
                        r.startsOn(),
                        r.endsOn(),
                        r.documentSha256(),
                        PolicyStore.time(r.recordedAt()),
                        r.recordedBy())
                .update();
    }

    /** The substitute designated last among these records, if any. */
    static Optional<OfficerRecord> substitute(List<OfficerRecord> all) {
        return all.stream()
                .filter(r -> r.kind() == OfficerRecord.Kind.SUBSTITUTE)
                .reduce((a, b) -> b);
    }

    /**
     * An absence among these records that covers the day, the one that lasts longest if several do: absences stand side
     * by side (officer's review: recording next week's absence cancelled this week's), each ended on its own
     * ({@link RecordEnds}).
     */
    static Optional<OfficerRecord> absenceOn(List<OfficerRecord> all, LocalDate day) {
        return all.stream()
                .filter(r -> r.kind() == OfficerRecord.Kind.ABSENCE && r.covers(day))
                .max(java.util.Comparator.comparing(OfficerRecord::endsOn));
    }

    /**
     * {@link #absenceOn} among the absences the substitute did not record: the account an absence empowers never
     * records it (attacker's review: the substitute recorded one, then approved and published alone), even one
     * recorded before that account was designated.
     */
    static Optional<OfficerRecord> absenceFor(List<OfficerRecord> all, OfficerRecord substitute, LocalDate day) {
        var theirs =
                substitute.accountId() == null ? null : substitute.accountId().toString();
        return absenceOn(
                all.stream()
                        .filter(r -> theirs == null || !theirs.equals(r.recordedBy()))
                        .toList(),
                day);
    }
}
