package ca.gardien.consent;

import java.util.Collection;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What stays of the consent histories the keeping sweep destroyed (table {@code consent_count}): how many histories and
 * records by purpose, final state and year recorded. No subject, no identifier.
 */
@Repository
class ConsentCounts {

    /** A row of the counts: the purpose, the state of the history's latest record and the (UTC) year it was made. */
    record Key(String purpose, String finalState, int year) {}

    private final JdbcClient jdbc;

    ConsentCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * Makes sure each row exists before a batch adds to it, outside the batch's transaction: two nodes creating the
     * same row at once then meet on its key here, and the batch itself only updates (one row lock, no duplicate key).
     */
    void prepare(Collection<Key> keys) {
        for (var key : keys) {
            try {
                jdbc.sql("INSERT INTO consent_count (purpose_id, final_state, recorded_year, histories, records)"
                                + " SELECT ?, ?, ?, 0, 0 FROM (VALUES (1)) AS one WHERE NOT EXISTS (SELECT 1 FROM"
                                + " consent_count WHERE purpose_id = ? AND final_state = ? AND recorded_year = ?)")
                        .params(
                                key.purpose(),
                                key.finalState(),
                                key.year(),
                                key.purpose(),
                                key.finalState(),
                                key.year())
                        .update();
            } catch (DuplicateKeyException createdByAnotherNode) {
                // the row is there: that is all this step needs
            }
        }
    }

    /** Adds a destroyed history of {@code records} records, in the caller's transaction. */
    void add(Key key, long histories, long records) {
        int updated = jdbc.sql("UPDATE consent_count SET histories = histories + ?, records = records + ?"
                        + " WHERE purpose_id = ? AND final_state = ? AND recorded_year = ?")
                .params(histories, records, key.purpose(), key.finalState(), key.year())
                .update();
        if (updated == 0) {
            jdbc.sql("INSERT INTO consent_count (purpose_id, final_state, recorded_year, histories, records)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(key.purpose(), key.finalState(), key.year(), histories, records)
                    .update();
        }
    }

    /** How many records were destroyed so far, all purposes together. */
    long records() {
        return jdbc.sql("SELECT COALESCE(SUM(records), 0) FROM consent_count")
                .query(Long.class)
                .single();
    }
}
