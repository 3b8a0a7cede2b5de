package ca.gardien.governance;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Who wrote a policy version: started it, edited one of its sections or sent it to review ({@link
 * GovernanceCaller#writer()}). A substitute acting during an absence does not approve a version they wrote (separation
 * of duties, attacker's review: the substitute drafted, approved and published alone). Rows are only added, each writer
 * once per version, in the transaction of the step.
 */
@Repository
class PolicyWriters {

    private final JdbcClient jdbc;

    PolicyWriters(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Adds the caller to the version's writers, once (the step's transaction holds the version's row). */
    void add(String policyId, int number, GovernanceCaller caller) {
        if (!wrote(policyId, number, caller)) {
            jdbc.sql("INSERT INTO governance_policy_writer (policy_id, version_number, writer) VALUES (?, ?, ?)")
                    .params(policyId, number, caller.writer())
                    .update();
        }
    }

    boolean wrote(String policyId, int number, GovernanceCaller caller) {
        return jdbc.sql("SELECT COUNT(*) FROM governance_policy_writer"
                                + " WHERE policy_id = ? AND version_number = ? AND writer = ?")
                        .params(policyId, number, caller.writer())
                        .query(Integer.class)
                        .single()
                > 0;
    }
}
