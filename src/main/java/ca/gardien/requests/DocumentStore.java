package ca.gardien.requests;

import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Scanned letters ({@code LETTER}), representatives' documents ({@code MANDATE}) and attachments, with their SHA-256;
 * the content sealed under the request's key ({@link RequestKeys}).
 */
@Repository
class DocumentStore {

    /** A stored document without its content. */
    record Document(UUID id, UUID requestId, String kind, String mediaType, long size, String sha256, String status) {}

    private final JdbcClient jdbc;
    private final RequestKeys keys;

    DocumentStore(JdbcClient jdbc, RequestKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    Document insert(UUID requestId, String kind, String mediaType, byte[] content, Instant at) {
        var document = new Document(
                UUID.randomUUID(),
                requestId,
                kind,
                mediaType,
                content.length,
                ca.gardien.shared.Digests.sha256Hex(content),
                "LETTER".equals(kind) ? "FILED" : "PENDING");
        jdbc.sql("INSERT INTO requests_document (id, request_id, kind, media_type, size, sha256, content, status,"
                        + " uploaded_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        document.id(),
                        requestId,
                        kind,
                        mediaType,
                        document.size(),
                        document.sha256(),
                        keys.ofRequest(requestId).sealBytes(content),
                        document.status(),
                        RequestStore.utc(at))
                .update();
        return document;
    }

    /** A document's media type and content in clear; empty when absent, destroyed or its key is gone. */
    java.util.Optional<RequestNotes.File> content(UUID requestId, UUID documentId) {
        var key = keys.ofRequest(requestId);
        return jdbc.sql("SELECT media_type, content FROM requests_document WHERE id = ? AND request_id = ?")
                .params(documentId, requestId)
                .query((rs, n) ->
                        new RequestNotes.File(rs.getString("media_type"), key.openBytes(rs.getBytes("content"))))
                .optional()
                .filter(f -> f.content() != null && f.content().length > 0);
    }

    List<Document> of(UUID requestId) {
        return jdbc.sql("SELECT id, request_id, kind, media_type, size, sha256, status FROM requests_document"
                        + " WHERE request_id = ? ORDER BY uploaded_at, id")
                .param(requestId)
                .query((rs, n) -> new Document(
                        rs.getObject("id", UUID.class),
                        rs.getObject("request_id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("media_type"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        rs.getString("status")))
                .list();
    }

    boolean review(UUID requestId, UUID documentId, boolean approved, String reviewer, Instant at) {
        return jdbc.sql("UPDATE requests_document SET status = ?, reviewed_by = ?, reviewed_at = ?"
                                + " WHERE id = ? AND request_id = ? AND kind = 'MANDATE' AND status = 'PENDING'")
                        .params(
                                approved ? "APPROVED" : "REJECTED",
                                reviewer,
                                RequestStore.utc(at),
                                documentId,
                                requestId)
                        .update()
                == 1;
    }
}
