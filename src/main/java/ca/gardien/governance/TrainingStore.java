package ca.gardien.governance;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Campaigns and their members; a member's acknowledgement and reminders are claimed with conditional updates. */
@Repository
class TrainingStore {

    private static final String CAMPAIGN = "SELECT c.*, (SELECT COUNT(*) FROM governance_campaign_member m WHERE"
            + " m.campaign_id = c.id) AS audience, (SELECT COUNT(*) FROM governance_campaign_member m WHERE"
            + " m.campaign_id = c.id AND m.acknowledged_at IS NOT NULL) AS acknowledged FROM governance_campaign c";

    private final JdbcClient jdbc;

    TrainingStore(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    void insert(Campaign c) {
        jdbc.sql("INSERT INTO governance_campaign (id, title, policy_id, policy_version, module, roles, due_on,"
                        + " created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        c.id(),
                        c.title(),
                        c.policyId(),
                        c.policyVersion(),
                        c.module(),
                        String.join(",", c.roles()),
                        c.dueOn(),
                        PolicyStore.time(c.createdAt()))
                .update();
    }

    void addMember(UUID campaignId, UUID accountId, String username, String displayName) {
        jdbc.sql("INSERT INTO governance_campaign_member (campaign_id, account_id, username, display_name, reminders)"
                        + " VALUES (?, ?, ?, ?, 0)")
                .params(campaignId, accountId, username, displayName)
                .update();
    }

    List<Campaign> all() {
        return jdbc.sql(CAMPAIGN + " ORDER BY c.due_on DESC, c.created_at DESC")
                .query(TrainingStore::map)
                .list();
    }

    Optional<Campaign> find(UUID id) {
        return jdbc.sql(CAMPAIGN + " WHERE c.id = ?")
                .param(id)
                .query(TrainingStore::map)
                .optional();
    }

    List<Campaign.Member> members(UUID campaignId) {
        return jdbc.sql("SELECT * FROM governance_campaign_member WHERE campaign_id = ? ORDER BY username")
                .param(campaignId)
                .query((rs, n) -> new Campaign.Member(
                        rs.getObject("account_id", UUID.class),
                        rs.getString("username"),
                        rs.getString("display_name"),
                        (Integer) rs.getObject("version_seen"),
                        rs.getString("module_seen"),
                        PolicyStore.instant(rs, "acknowledged_at"),
                        rs.getInt("reminders")))
                .list();
    }

    /** Records the acknowledgement; false when the account is not in the audience or already acknowledged. */
    boolean acknowledge(UUID campaignId, UUID accountId, Integer version, String module, java.time.Instant at) {
        return jdbc.sql("UPDATE governance_campaign_member SET version_seen = ?, module_seen = ?, acknowledged_at = ?"
                                + " WHERE campaign_id = ? AND account_id = ? AND acknowledged_at IS NULL")
                        .params(version, module, PolicyStore.time(at), campaignId, accountId)
                        .update()
                == 1;
    }

    /** Claims today's reminder of a member who has not acknowledged; false when already reminded today. */
    boolean claimReminder(UUID campaignId, UUID accountId, LocalDate today) {
        return jdbc.sql("UPDATE governance_campaign_member SET reminded_on = ?, reminders = reminders + 1 WHERE"
                                + " campaign_id = ? AND account_id = ? AND acknowledged_at IS NULL AND (reminded_on IS"
                                + " NULL OR reminded_on < ?)")
                        .params(today, campaignId, accountId, today)
                        .update()
                == 1;
    }

    private static Campaign map(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        int audience = rs.getInt("audience");
        int acknowledged = rs.getInt("acknowledged");
        return new Campaign(
                rs.getObject("id", UUID.class),
                rs.getString("title"),
                rs.getString("policy_id"),
                (Integer) rs.getObject("policy_version"),
                rs.getString("module"),
                Arrays.asList(rs.getString("roles").split(",")),
                rs.getObject("due_on", LocalDate.class),
                PolicyStore.instant(rs, "created_at"),
                audience,
                acknowledged,
                audience == 0 ? 0 : acknowledged * 100 / audience);
    }
}
