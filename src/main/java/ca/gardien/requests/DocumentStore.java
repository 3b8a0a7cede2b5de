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

    /** A stored document without its content; {@code fileName} as uploaded, null when none was given or kept. */
    record Document(
            UUID id,
            UUID requestId,
            String kind,
            String mediaType,
            long size,
            String sha256,
            String status,
            String fileName) {}

    private final JdbcClient jdbc;
    private final RequestKeys keys;

    DocumentStore(JdbcClient jdbc, RequestKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Stores an upload, its content and its name sealed under the request's key. */
    Document insert(UUID requestId, String kind, RequestIntake.Upload upload, Instant at) {
        var content = upload.content();
        var key = keys.ofRequest(requestId);
        var document = new Document(
                UUID.randomUUID(),
                requestId,
                kind,
                upload.mediaType(),
                content.length,
                ca.gardien.shared.Digests.sha256Hex(content),
                "LETTER".equals(kind) ? "FILED" : "PENDING",
                upload.fileName());
        jdbc.sql("INSERT INTO requests_document (id, request_id, kind, media_type, size, sha256, content, status,"
                        + " uploaded_at, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        document.id(),
                        requestId,
                        kind,
                        document.mediaType(),
                        document.size(),
                        document.sha256(),
                        key.sealBytes(content),
                        document.status(),
                        RequestStore.utc(at),
                        key.seal(document.fileName()))
                .update();
        return document;
    }

    /** A document's media type and content in clear; empty when absent, destroyed or its key is gone. */
    java.util.Optional<RequestNotes.File> content(UUID requestId, UUID documentId) {
        var key = keys.ofRequest(requestId);
        return jdbc.sql("SELECT media_type, content, file_name FROM requests_document WHERE id = ? AND request_id = ?")
                .params(documentId, requestId)
                .query((rs, n) -> new RequestNotes.File(
                        rs.getString("media_type"),
                        key.openBytes(rs.getBytes("content")),
                        key.open(rs.getString("file_name"))))
                .optional()
                .filter(f -> f.content() != null && f.content().length > 0);
    }

    List<Document> of(UUID requestId) {
        var key = keys.ofRequest(requestId);
        return jdbc.sql(
                        "SELECT id, request_id, kind, media_type, size, sha256, status, file_name FROM requests_document"
                                + " WHERE request_id = ? ORDER BY uploaded_at, id")
                .param(requestId)
                .query((rs, n) -> new Document(
                        rs.getObject("id", UUID.class),
                        rs.getObject("request_id", UUID.class),
                        rs.getString("kind"),
                        rs.getString("media_type"),
                        rs.getLong("size"),
                        rs.getString("sha256"),
                        rs.getString("status"),
                        key.open(rs.getString("file_name"))))
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
