package ca.gardien.governance;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** The policy documents and their versions; a version's sections are kept as one JSON document. */
@Repository
class PolicyStore {

    record Policy(String id, String titleFr, String titleEn) {}

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final TypeReference<List<PolicySection>> SECTIONS = new TypeReference<>() {};

    private final JdbcClient jdbc;

    PolicyStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Every policy as the list shows it, in one statement: its last version's number and status, and its last published
     * version's number and date — not its versions' texts (the dashboard's tile read every version's sections).
     */
    List<PolicySummary> summaries() {
        return jdbc.sql("SELECT p.id, p.title_fr, p.title_en,"
                        + " l.version_number AS last_number, l.status AS last_status,"
                        + " u.version_number AS published_number, u.published_at"
                        + " FROM governance_policy p"
                        + " JOIN governance_policy_version l ON l.policy_id = p.id AND l.version_number ="
                        + " (SELECT MAX(version_number) FROM governance_policy_version WHERE policy_id = p.id)"
                        + " LEFT JOIN governance_policy_version u ON u.policy_id = p.id AND u.version_number ="
                        + " (SELECT MAX(version_number) FROM governance_policy_version"
                        + " WHERE policy_id = p.id AND status = 'PUBLISHED')"
                        + " ORDER BY p.id")
                .query((rs, n) -> new PolicySummary(
                        rs.getString("id"),
                        rs.getString("title_fr"),
                        rs.getString("title_en"),
                        rs.getInt("last_number"),
                        PolicyStatus.valueOf(rs.getString("last_status")),
                        (Integer) rs.getObject("published_number", Integer.class),
                        instant(rs, "published_at")))
                .list();
    }

    Optional<Policy> policy(String id) {
        return jdbc.sql("SELECT id, title_fr, title_en FROM governance_policy WHERE id = ?")
                .param(id)
                .query((rs, n) -> new Policy(rs.getString(1), rs.getString(2), rs.getString(3)))
                .optional();
    }

    void create(Policy policy, Instant now) {
        jdbc.sql("INSERT INTO governance_policy (id, title_fr, title_en, created_at) VALUES (?, ?, ?, ?)")
                .params(policy.id(), policy.titleFr(), policy.titleEn(), time(now))
                .update();
    }

    List<PolicyVersion> versions(String policyId) {
        return jdbc.sql("SELECT * FROM governance_policy_version WHERE policy_id = ? ORDER BY version_number")
                .param(policyId)
                .query(PolicyStore::map)
                .list();
    }

    Optional<PolicyVersion> version(String policyId, int number) {
        return jdbc.sql("SELECT * FROM governance_policy_version WHERE policy_id = ? AND version_number = ?")
                .params(policyId, number)
                .query(PolicyStore::map)
                .optional();
    }

    void insert(PolicyVersion v) {
        jdbc.sql("INSERT INTO governance_policy_version (policy_id, version_number, status, sections, created_at,"
                        + " row_version) VALUES (?, ?, ?, ?, ?, 0)")
                .params(
                        v.policyId(),
                        v.number(),
                        v.status().name(),
                        JSON.writeValueAsString(v.sections()),
                        time(v.createdAt()))
                .update();
    }

    /** Saves a changed version; false when someone else changed it meanwhile. */
    boolean update(PolicyVersion v) {
        return jdbc.sql("UPDATE governance_policy_version SET status = ?, sections = ?, sha256 = ?, reviewed_at = ?,"
                                + " approved_at = ?, approved_by = ?, published_at = ?, returned_at = ?,"
                                + " returned_by = ?, returned_reason = ?, row_version = row_version + 1"
                                + " WHERE policy_id = ? AND version_number = ? AND row_version = ?")
                        .params(
                                v.status().name(),
                                JSON.writeValueAsString(v.sections()),
                                v.sha256(),
                                time(v.reviewedAt()),
                                time(v.approvedAt()),
                                v.approvedBy(),
                                time(v.publishedAt()),
                                v.returned() == null ? null : time(v.returned().at()),
                                v.returned() == null ? null : v.returned().by(),
                                v.returned() == null ? null : v.returned().reason(),
                                v.policyId(),
                                v.number(),
                                v.rowVersion())
                        .update()
                == 1;
    }

    /** Keeps a return to draft for good: the version's page lists every one, approved or not. */
    void addReturn(String policyId, int number, PolicyVersion.Returned returned) {
        jdbc.sql("INSERT INTO governance_policy_return (policy_id, version_number, returned_at, returned_by, reason)"
                        + " VALUES (?, ?, ?, ?, ?)")
                .params(policyId, number, time(returned.at()), returned.by(), returned.reason())
                .update();
    }

    /** Every return of a version to draft, the first first. */
    List<PolicyVersion.Returned> returns(String policyId, int number) {
        return jdbc.sql("SELECT returned_at, returned_by, reason FROM governance_policy_return"
                        + " WHERE policy_id = ? AND version_number = ? ORDER BY returned_at")
                .params(policyId, number)
                .query((rs, n) -> new PolicyVersion.Returned(
                        instant(rs, "returned_at"), rs.getString("returned_by"), rs.getString("reason")))
                .list();
    }

    private static PolicyVersion map(ResultSet rs, int row) throws SQLException {
        return new PolicyVersion(
                rs.getString("policy_id"),
                rs.getInt("version_number"),
                PolicyStatus.valueOf(rs.getString("status")),
                JSON.readValue(rs.getString("sections"), SECTIONS),
                rs.getString("sha256"),
                instant(rs, "created_at"),
                instant(rs, "reviewed_at"),
                instant(rs, "approved_at"),
                rs.getString("approved_by"),
                instant(rs, "published_at"),
                rs.getString("returned_by") == null
                        ? null
                        : new PolicyVersion.Returned(
                                instant(rs, "returned_at"),
                                rs.getString("returned_by"),
                                rs.getString("returned_reason")),
                rs.getInt("row_version"));
    }

    static OffsetDateTime time(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var t = rs.getObject(column, OffsetDateTime.class);
        return t == null ? null : t.toInstant();
    }
}
