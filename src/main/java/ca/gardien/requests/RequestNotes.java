package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Staff's working papers on a request: notes (1-4000 characters) and attachments (a scan, a call summary, a copy of a
 * reply), kept with the request until its personal information is destroyed. The ledger records that a note was added
 * (its length, never its text), that a file was attached (its SHA-256 and size) and each download of a file. Notes and
 * files are sealed under the request's subject key ({@link RequestKeys}).
 */
@Service
public class RequestNotes {

    static final int MAX_NOTE = 4000;

    /** A note as the console shows it. */
    public record Note(UUID id, String body, String author, Instant createdAt) {}

    /** A file of the request without its content: a scanned letter, a representative's document, an attachment. */
    public record Attachment(UUID id, String kind, String mediaType, long size, String sha256, String fileName) {}

    /** A file's content, for a download. */
    public record File(String mediaType, byte[] content, String fileName) {}

    private final RequestStore store;
    private final DocumentStore documents;
    private final IntakeChecks checks;
    private final RequestFacts facts;
    private final JdbcClient jdbc;
    private final Clock clock;
    private final RequestKeys keys;

    RequestNotes(
            RequestStore store,
            DocumentStore documents,
            IntakeChecks checks,
            RequestFacts facts,
            JdbcClient jdbc,
            Clock clock,
            RequestKeys keys) {
        this.keys = keys;
        this.store = store;
        this.documents = documents;
        this.checks = checks;
        this.facts = facts;
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * @throws InvalidInputException naming {@code note} when empty, too long or holding control characters
     */
    @Transactional
    public Note add(UUID requestId, String text, Actor actor) {
        var body = text == null ? "" : text.strip();
        if (body.isEmpty()
                || body.length() > MAX_NOTE
                || body.chars().anyMatch(c -> c < 0x20 && c != '\n' && c != '\r' && c != '\t')) {
            throw new InvalidInputException("note", "requests.field.note-length");
        }
        kept(requestId);
        var note = new Note(UUID.randomUUID(), body, actor.kind() + ":" + actor.id(), clock.instant());
        jdbc.sql("INSERT INTO requests_note (id, request_id, body, author, created_at) VALUES (?, ?, ?, ?, ?)")
                .params(
                        note.id(),
                        requestId,
                        keys.ofRequest(requestId).seal(body),
                        note.author(),
                        RequestStore.utc(note.createdAt()))
                .update();
        facts.record(
                "note-added", requestId, actor, Map.of("note", note.id().toString(), "length", "" + body.length()));
        return note;
    }

    /**
     * @throws InvalidInputException naming {@code file} when empty or larger than the upload limit
     */
    @Transactional
    public Attachment attach(UUID requestId, RequestIntake.Upload upload, Actor actor) {
        if (upload == null) {
            throw new InvalidInputException("file", "requests.field.file-empty");
        }
        checks.checkUpload("file", upload);
        kept(requestId);
        var doc = documents.insert(requestId, ATTACHMENT, upload, clock.instant());
        facts.record(
                "attachment-filed",
                requestId,
                actor,
                Map.of("document", doc.id().toString(), "sha256", doc.sha256(), "size", "" + doc.size()));
        return new Attachment(doc.id(), doc.kind(), doc.mediaType(), doc.size(), doc.sha256(), doc.fileName());
    }

    /** The request's notes, oldest first (a destroyed note has a null body). */
    @Transactional(readOnly = true)
    public List<Note> notes(UUID requestId) {
        var key = keys.ofRequest(requestId);
        return jdbc.sql("SELECT id, body, author, created_at FROM requests_note WHERE request_id = ?"
                        + " ORDER BY created_at, id")
                .param(requestId)
                .query((rs, n) -> new Note(
                        rs.getObject("id", UUID.class),
                        key.open(rs.getString("body")),
                        rs.getString("author"),
                        RequestStore.instant(rs, "created_at")))
                .list();
    }

    /** Every file of the request, oldest first. */
    @Transactional(readOnly = true)
    public List<Attachment> files(UUID requestId) {
        return documents.of(requestId).stream()
                .map(d -> new Attachment(d.id(), d.kind(), d.mediaType(), d.size(), d.sha256(), d.fileName()))
                .toList();
    }

    /**
     * One file of the request, each download a {@code requests.document-downloaded} fact.
     *
     * @throws NotFoundException when the request has no such file, or its content was destroyed
     */
    @Transactional
    public File download(UUID requestId, UUID documentId, Actor actor) {
        kept(requestId);
        var content = documents
                .content(requestId, documentId)
                .orElseThrow(() -> new NotFoundException("requests.object.document", documentId));
        facts.record("document-downloaded", requestId, actor, Map.of("document", documentId.toString()));
        return content;
    }

    /** The request, while its personal information is kept. */
    private RightsRequest kept(UUID requestId) {
        var request =
                store.find(requestId).orElseThrow(() -> new NotFoundException("requests.object.request", requestId));
        if (request.purgedAt() != null) {
            throw new NotFoundException("requests.object.request", requestId);
        }
        return request;
    }

    static final String ATTACHMENT = "ATTACHMENT";
}
