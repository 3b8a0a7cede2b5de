package ca.gardien.requests;

import ca.gardien.shared.SubjectKey;
import ca.gardien.shared.SubjectKeys;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A request's subject key, for what is kept about the person besides its identifiers and details: documents, notes,
 * tasks' notes and what they found, the response's message and reasons, staff's proof reasons. All of it is sealed
 * under the request's key, destroyed by the retention purge. A request stored before sealing has no key: its values are
 * stored and read as they are.
 */
@Component
class RequestKeys {

    private final JdbcClient jdbc;
    private final SubjectKeys keys;

    RequestKeys(JdbcClient jdbc, SubjectKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    SubjectKey ofRequest(UUID requestId) {
        return keys.key(jdbc.sql("SELECT subject_key FROM requests_request WHERE id = ?")
                .param(requestId)
                .query((rs, n) -> rs.getObject(1, UUID.class))
                .optional()
                .orElse(null));
    }

    SubjectKey ofTask(UUID taskId) {
        return keys.key(
                jdbc.sql("SELECT r.subject_key FROM requests_task t JOIN requests_request r ON r.id = t.request_id"
                                + " WHERE t.id = ?")
                        .param(taskId)
                        .query((rs, n) -> rs.getObject(1, UUID.class))
                        .optional()
                        .orElse(null));
    }

    /** The key a row names in its {@code subject_key} column. */
    SubjectKey named(UUID keyId) {
        return keys.key(keyId);
    }
}
