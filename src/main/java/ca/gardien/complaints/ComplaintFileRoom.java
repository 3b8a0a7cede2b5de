package ca.gardien.complaints;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.NotFoundException;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Whether a file takes one more note or document (attacker's review: a closed file still took them, and nothing bounded
 * them, so one account could fill the disk through one file). A closed file takes no note; it still takes a document,
 * which is filed as received after closing: the Commission d'accès à l'information writes about a complaint once its
 * file is closed (the complainant's recourse, s. 3.2 and the answer's letter), and the complainant may write back. The
 * documents staff file are bounded in number and in size together, the notes in number ({@link ComplaintsProperties}).
 * The file's row is locked until the transaction ends, so that two additions at once count each other.
 */
@Component
class ComplaintFileRoom {

    /** The kinds staff upload; the letters Gardien writes are bounded by their steps. */
    private static final String UPLOADED = "('LETTER', 'SUPPORTING')";

    private final JdbcClient jdbc;
    private final ComplaintsProperties limits;

    ComplaintFileRoom(JdbcClient jdbc, ComplaintsProperties limits) {
        this.jdbc = jdbc;
        this.limits = limits;
    }

    /** Refuses a note on a closed file or a file that holds {@code max-notes}; locks the file. */
    void note(UUID id) {
        if (locked(id) == ComplaintStatus.CLOSED) {
            throw new ConflictException("complaints.conflict.closed-note");
        }
        long notes = jdbc.sql("SELECT COUNT(*) FROM complaints_step WHERE complaint_id = ? AND step = 'note'")
                .param(id)
                .query(Long.class)
                .single();
        if (notes >= limits.maxNotes()) {
            throw new ConflictException("complaints.notes.too-many", limits.maxNotes());
        }
    }

    /**
     * Refuses a document the file has no room for: {@code max-documents} filed already (409), or more than {@code
     * max-documents-total} with it ({@link ComplaintFileFull}, 413); locks the file.
     *
     * @return whether the file is closed: the document is then filed as received after closing
     */
    boolean document(UUID id, long size) {
        var closed = locked(id) == ComplaintStatus.CLOSED;
        var used = jdbc.sql("SELECT COUNT(*), COALESCE(SUM(size), 0) FROM complaints_document"
                        + " WHERE complaint_id = ? AND kind IN " + UPLOADED)
                .param(id)
                .query((rs, n) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .single();
        if (used[0] >= limits.maxDocuments()) {
            throw new ConflictException("complaints.documents.too-many", limits.maxDocuments());
        }
        long total = limits.maxDocumentsTotal().toBytes();
        if (used[1] + size > total) {
            throw new ComplaintFileFull(total, Math.max(0, total - used[1]));
        }
        return closed;
    }

    private ComplaintStatus locked(UUID id) {
        return jdbc.sql("SELECT status FROM complaints_complaint WHERE id = ? FOR UPDATE")
                .param(id)
                .query((rs, n) -> ComplaintStatus.valueOf(rs.getString(1)))
                .optional()
                .orElseThrow(() -> new NotFoundException("complaints.object.complaint", id));
    }
}
