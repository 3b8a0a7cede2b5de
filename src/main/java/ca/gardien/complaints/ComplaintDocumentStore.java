package ca.gardien.complaints;

import ca.gardien.shared.Digests;
import ca.gardien.shared.SubjectKey;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The documents of complaint files (table {@code complaints_document}): the content and the name it was uploaded under
 * sealed under the file's subject key ({@link ComplaintStore#keyOf}), destroyed with it; size, type and SHA-256 in clear.
 */
@Repository
class ComplaintDocumentStore {

    private final JdbcClient jdbc;
    private final ComplaintStore files;

    ComplaintDocumentStore(JdbcClient jdbc, ComplaintStore files) {
        this.jdbc = jdbc;
        this.files = files;
    }

    /** A letter Gardien wrote (it has no uploaded name). */
    ComplaintDocument insert(UUID complaintId, String kind, String mediaType, byte[] content, Instant at) {
        return insert(complaintId, kind, mediaType, content, null, at);
    }

    /** A document, its uploaded name ({@code fileName}, cleaned, may be null) sealed under the file's key. */
    ComplaintDocument insert(
            UUID complaintId, String kind, String mediaType, byte[] content, String fileName, Instant at) {
        var document = new ComplaintDocument(
                UUID.randomUUID(),
                complaintId,
                kind,
                mediaType,
                content.length,
                Digests.sha256Hex(content),
                at,
                fileName);
        var key = files.keyOf(complaintId);
        jdbc.sql("INSERT INTO complaints_document (id, complaint_id, kind, media_type, size, sha256, content,"
                        + " uploaded_at, file_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        document.id(),
                        complaintId,
                        kind,
                        mediaType,
                        document.size(),
                        document.sha256(),
                        key.sealBytes(content),
                        ComplaintStore.utc(at),
                        key.seal(fileName))
                .update();
        return document;
    }

    List<ComplaintDocument> of(UUID complaintId) {
        var key = files.keyOf(complaintId);
        return jdbc.sql("SELECT id, complaint_id, kind, media_type, size, sha256, uploaded_at, file_name"
                        + " FROM complaints_document WHERE complaint_id = ? ORDER BY uploaded_at, id")
                .param(complaintId)
                .query((rs, n) -> document(rs, key))
                .list();
    }

    /** A document's content in clear; empty when there is none, or its key was destroyed. */
    Optional<byte[]> content(UUID complaintId, UUID documentId) {
        var key = files.keyOf(complaintId);
        return jdbc.sql("SELECT content FROM complaints_document WHERE complaint_id = ? AND id = ?")
                .params(complaintId, documentId)
                .query((rs, n) -> Optional.ofNullable(key.openBytes(rs.getBytes("content"))))
                .optional()
                .flatMap(c -> c);
    }

    Optional<ComplaintDocument> document(UUID complaintId, UUID documentId) {
        var key = files.keyOf(complaintId);
        return jdbc.sql("SELECT id, complaint_id, kind, media_type, size, sha256, uploaded_at, file_name"
                        + " FROM complaints_document WHERE complaint_id = ? AND id = ?")
                .params(complaintId, documentId)
                .query((rs, n) -> document(rs, key))
                .optional();
    }

    private static ComplaintDocument document(ResultSet rs, SubjectKey key) throws SQLException {
        return new ComplaintDocument(
                rs.getObject("id", UUID.class),
                rs.getObject("complaint_id", UUID.class),
                rs.getString("kind"),
                rs.getString("media_type"),
                rs.getLong("size"),
                rs.getString("sha256"),
                rs.getObject("uploaded_at", OffsetDateTime.class).toInstant(),
                key.open(rs.getString("file_name")));
    }
}
