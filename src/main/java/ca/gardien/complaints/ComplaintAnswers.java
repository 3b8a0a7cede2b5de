package ca.gardien.complaints;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The documents of a file (the scanned letter, supporting documents, their download), the reasoned answer as a PDF
 * and by email, and closing once answered. Document facts carry their SHA-256 hash.
 */
@org.springframework.stereotype.Component
class ComplaintAnswers {

    private final ComplaintFiles files;
    private final ComplaintEmails emails;
    private final ComplaintStore store;
    private final ComplaintDocumentStore documents;
    private final ComplaintClock clock;
    private final ComplaintLetters letters;
    private final Clock instants;
    private final ComplaintFileRoom room;

    ComplaintAnswers(
            ComplaintFiles files,
            ComplaintEmails emails,
            ComplaintStore store,
            ComplaintDocumentStore documents,
            ComplaintClock clock,
            ComplaintLetters letters,
            Clock instants,
            ComplaintFileRoom room) {
        this.room = room;
        this.files = files;
        this.emails = emails;
        this.store = store;
        this.documents = documents;
        this.clock = clock;
        this.letters = letters;
        this.instants = instants;
    }

    /**
     * A document of the file: the scanned letter ({@code LETTER}) or a supporting document ({@code SUPPORTING}), with
     * the name it was uploaded under, cleaned ({@link ca.gardien.shared.FileNames}): it downloads under that name. Within
     * the file's room ({@link ComplaintFileRoom}); on a closed file, filed as received after closing (its own step and
     * fact, {@code document-after-closure}).
     */
    ComplaintDocument file(
            UUID id, String kind, String mediaType, byte[] content, String fileName, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        var k = kind == null || kind.isBlank() ? "SUPPORTING" : kind.strip().toUpperCase(Locale.ROOT);
        if (!List.of("LETTER", "SUPPORTING").contains(k)) {
            throw new InvalidInputException("kind", "shared.field.one-of", List.of("LETTER", "SUPPORTING"));
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "shared.field.required");
        }
        var name = ca.gardien.shared.FileNames.clean(fileName);
        // a closed file takes a document received since (the Commission's letter), its step and fact saying so
        var closed = room.document(c.id(), content.length);
        var document = documents.insert(c.id(), k, mediaType, content, name, instants.instant());
        store.step(c.id(), closed ? "document-after-closure" : "document", k, caller.actor(), instants.instant());
        files.fact(
                closed ? "document-after-closure" : "document",
                c.id(),
                caller.actor(),
                Map.of("documentId", document.id().toString(), "kind", k, "sha256", document.sha256()));
        return document;
    }

    /** A document's content, for a caller who may open the file; the read is a ledger fact. */
    Download download(UUID id, UUID documentId, ComplaintCaller caller) {
        var complaint = files.opened(id, caller);
        var document = documents
                .document(id, documentId)
                .orElseThrow(() -> new NotFoundException("complaints.object.document", documentId));
        // empty when its key was lost (a database restored without its keys): nothing readable to give
        var content = documents
                .content(id, documentId)
                .orElseThrow(() -> new NotFoundException("complaints.object.document", documentId));
        files.fact(
                "document-read",
                id,
                caller.actor(),
                Map.of("documentId", documentId.toString(), "sha256", document.sha256()));
        return new Download(document, content, complaint.reference());
    }

    /** A document of a file, with the file's reference ("C-2026-00007") to name it by. */
    record Download(ComplaintDocument document, byte[] content, String reference) {}

    /** The answer's letter as {@link #answer} would file it now (the same checks), its PDF to render before it. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintLetters.Composed answerLetter(UUID id, String reasons, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        var locale = ComplaintFiles.locale(c);
        return new ComplaintLetters.Composed(answerLetter(c, reasons, locale), locale);
    }

    /**
     * The reasoned written answer, in the complainant's language, by email and as a PDF (the one rendered {@code before}
     * the transaction when the letter is the same: {@link LetterSteps}), with the recourse to the Commission d'accès à
     * l'information. After the due date it is refused unless a delay notice moved the date.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView answer(UUID id, String reasons, ComplaintCaller caller, ComplaintLetters.Rendered before) {
        var c = files.opened(id, caller);
        var locale = ComplaintFiles.locale(c);
        var letter = answerLetter(c, reasons, locale);
        var pdf = letters.pdf(letter, locale, before);
        var document = documents.insert(c.id(), "ANSWER", "application/pdf", pdf, instants.instant());
        var held = emails.email(c, "complaint-answer", letter.text());
        var today = clock.today();
        var answered = c.withState(
                ComplaintStatus.ANSWERED,
                c.dueOn(),
                c.informationRequestedOn(),
                c.delayDueOn(),
                c.assignedTo(),
                c.requestId(),
                c.concernsRefusal(),
                today);
        return files.view(files.save(
                answered,
                "answered",
                Map.of(
                        "answeredOn",
                        today.toString(),
                        "documentId",
                        document.id().toString(),
                        "sha256",
                        document.sha256(),
                        "by",
                        c.email() == null ? "POST" : "EMAIL",
                        "caiRemedy",
                        String.valueOf(c.concernsRefusal())),
                caller.actor(),
                null,
                held));
    }

    /**
     * The answer as {@link #answer} would send it now, in the complainant's language, for the officer to read before
     * sending: the same checks, nothing sent, filed or recorded.
     */
    String previewAnswer(UUID id, String reasons, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        return answerLetter(c, reasons, ComplaintFiles.locale(c)).text();
    }

    private ComplaintLetters.Letter answerLetter(Complaint c, String reasons, Locale locale) {
        if (!c.status().isOpen()) {
            throw new ConflictException("complaints.conflict.state", ComplaintFiles.words(c.status()));
        }
        var why = FieldTexts.prose(reasons, "reasons", ComplaintFiles.MAX_TEXT, true);
        files.refuseLate(c);
        return letters.answer(c, why, locale);
    }

    /** Closes the file: only once the answer was sent. */
    ComplaintView close(UUID id, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        if (c.status() != ComplaintStatus.ANSWERED) {
            throw new ConflictException("complaints.conflict.close-unanswered");
        }
        return files.view(files.save(
                ComplaintFiles.with(
                        c,
                        ComplaintStatus.CLOSED,
                        c.dueOn(),
                        c.informationRequestedOn(),
                        c.delayDueOn(),
                        c.assignedTo()),
                "closed",
                Map.of(),
                caller.actor(),
                null));
    }
}
