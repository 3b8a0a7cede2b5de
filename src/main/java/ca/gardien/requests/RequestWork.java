package ca.gardien.requests;

import ca.gardien.shared.Actor;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps staff take on a request from the console, each checked by the service that owns it. A refused step throws
 * a {@link RequestRefusal}, an invalid-input or a conflict exception, and leaves the request unchanged.
 */
@Service
@NamedInterface("actions")
public class RequestWork {

    private final RequestIntake intake;
    private final IdentityVerification verification;
    private final StaffProofs proofs;
    private final Representatives representatives;
    private final RequestTasks tasks;
    private final Responses responses;
    private final Extensions extensions;
    private final RequestNotes notes;
    private final IntakeChecks checks;
    private final Deliveries deliveries;
    private final Cancellations cancellations;
    private final Clock clock;

    RequestWork(
            RequestIntake intake,
            IdentityVerification verification,
            StaffProofs proofs,
            Representatives representatives,
            RequestTasks tasks,
            Responses responses,
            Extensions extensions,
            RequestNotes notes,
            IntakeChecks checks,
            Deliveries deliveries,
            Cancellations cancellations,
            Clock clock) {
        this.deliveries = deliveries;
        this.cancellations = cancellations;
        this.intake = intake;
        this.verification = verification;
        this.proofs = proofs;
        this.representatives = representatives;
        this.tasks = tasks;
        this.responses = responses;
        this.extensions = extensions;
        this.notes = notes;
        this.checks = checks;
        this.clock = clock;
    }

    /**
     * Staff enter a request received by mail, by phone or in person, with the scanned letter when there is one.
     *
     * @param input the request as typed; its {@code receivedAt} is ignored in favour of {@code receivedOn}
     * @param receivedOn the day the letter or call was received ({@code YYYY-MM-DD}); today when blank
     * @throws InvalidInputException naming every bad field ({@code receivedOn} for a bad or future day)
     */
    public RightsRequest enter(NewRequest input, String receivedOn, RequestIntake.Upload letter, Actor actor) {
        return enter(input, receivedOn, letter, null, actor);
    }

    /**
     * The same, with the document of whoever acts for the person (mandate, proof of parental authority or tutorship)
     * filed as {@link Representatives#upload} files it, in the same transaction: nothing is saved when it is refused.
     *
     * @param document null when none was given; refused under {@code representativeDocument} when nobody acts for the
     *     person, empty or too large
     */
    @Transactional
    public RightsRequest enter(
            NewRequest input,
            String receivedOn,
            RequestIntake.Upload letter,
            RequestIntake.Upload document,
            Actor actor) {
        var received = ReceivedDay.of(receivedOn, clock.instant());
        var dayError = received.error();
        var typed = new NewRequest(
                input.type(),
                input.subject(),
                input.jurisdiction(),
                input.channel(),
                input.language(),
                input.details(),
                input.subjectCategory(),
                input.representative(),
                received.at(),
                input.addressee());
        var documentError = representatives.entryError(typed.representative(), document);
        if (dayError != null || documentError != null) { // every bad field at once: these with the others'
            var errors = new ArrayList<FieldError>();
            java.util.stream.Stream.of(dayError, documentError)
                    .filter(e -> e != null)
                    .forEach(errors::add);
            errors.addAll(checks.errors(typed, letter, true));
            throw new InvalidInputException(errors);
        }
        var request = intake.enter(typed, letter, actor);
        if (document != null) {
            representatives.upload(request.id(), document, actor);
        }
        return request;
    }

    /**
     * Files the document of whoever acts for the person, as the API does ({@code requests.representative-document-filed},
     * its SHA-256): staff then accept or refuse it ({@link #reviewDocument}).
     *
     * @throws InvalidInputException naming {@code document} when no file was sent, or it is empty or too large
     */
    public UUID fileDocument(UUID id, RequestIntake.Upload document, Actor actor) {
        if (document == null) {
            throw new InvalidInputException("document", "requests.field.file-missing");
        }
        return representatives.upload(id, document, actor);
    }

    /** A note on the request, 1-4000 characters ({@code requests.note-added}, its length only). */
    public void addNote(UUID id, String text, Actor actor) {
        notes.add(id, text, actor);
    }

    /** A file attached to the request ({@code requests.attachment-filed}, its SHA-256 and size). */
    public void attach(UUID id, RequestIntake.Upload file, Actor actor) {
        notes.attach(id, file, actor);
    }

    /** One of the request's files ({@code requests.document-downloaded}). */
    public RequestNotes.File download(UUID id, UUID document, Actor actor) {
        return notes.download(id, document, actor);
    }

    /** Staff confirm the customer number with what they checked; an email or phone takes its code instead. */
    public RightsRequest confirmCustomer(UUID id, String basis, String reason, Actor actor) {
        return proofs.confirm(id, IdentifierKind.CUSTOMER, basis, reason, actor);
    }

    /** A new one-time code to an email or phone, within its hourly and daily limits ({@code requests.code-sent}). */
    public void sendCode(UUID id, IdentifierKind kind, Actor actor) {
        verification.sendCode(id, kind, actor);
    }

    /** The person checked as a whole; the request as it stands after (still received while something is missing). */
    public RightsRequest provePerson(UUID id, String basis, String reason, Actor actor) {
        return proofs.provePerson(id, basis, reason, actor);
    }

    /** The proof of identity accepted or rejected; the request as it stands after. */
    public RightsRequest reviewIdentity(UUID id, boolean approved, Actor actor) {
        return verification.review(id, approved, actor);
    }

    /** A representative's document accepted or refused; the request as it stands after. */
    public RightsRequest reviewDocument(UUID id, UUID document, boolean approved, Actor actor) {
        return representatives.review(id, document, approved, actor);
    }

    public void assign(UUID id, UUID task, UUID assignee, Actor actor) {
        tasks.assign(id, task, assignee, actor);
    }

    /**
     * Completes a task by hand, with what was found there when its outcome is {@code FOUND}: the same records a
     * connector's export gives, so the access or portability package holds them ({@code requests.task-completed}, their
     * count only).
     *
     * @param note null or blank: none
     * @param found the rows typed ({@link TaskFindings}); empty rows are ignored
     * @throws InvalidInputException naming each bad row's field, or {@code outcome} when rows come with another outcome
     *     ({@link RequestTasks#complete})
     */
    public void complete(UUID id, UUID task, String outcome, String note, List<TaskFindings.Row> found, Actor actor) {
        var records = TaskFindings.records(found);
        if ("FOUND".equals(outcome) && records.isEmpty() && (note == null || note.isBlank())) {
            // officer's walk: the default outcome, sent with nothing, recorded "information found (0)" for good
            throw new InvalidInputException("outcome", "requests.field.found-nothing");
        }
        tasks.complete(id, task, new TaskResult(outcome, note == null || note.isBlank() ? null : note, records), actor);
    }

    /** Writes the answer's draft; true when that withdrew its approval (it waits for a new one). */
    public boolean draft(UUID id, ResponseDraft draft, Actor actor) {
        return responses.save(id, draft, actor);
    }

    /** Approves the answer whose {@link ResponseDraft#fingerprint} is {@code seen}: the one the approver read. */
    public void approve(UUID id, String seen, Actor actor) {
        responses.approve(id, seen, actor);
    }

    /**
     * Sends the approved answer: by link when the request has a verified email or phone, else handed over as staff say.
     *
     * @param delivery {@code POSTAL} or {@code IN_PERSON}, required when no link can reach the person
     * @return how it went: {@code EMAIL}, {@code SMS}, {@code POSTAL} or {@code IN_PERSON}
     */
    public String send(UUID id, String delivery, Actor actor) {
        return Deliveries.channel(responses.send(id, delivery, actor).linkTo(), delivery);
    }

    /**
     * The drafted or approved answer's letter exactly as it would be sent now, in the request's language, with the
     * package's files: read before sending; nothing is sent, kept or recorded.
     *
     * @throws RequestRefusal when no answer is drafted, or it was sent already
     */
    public AnswerLetter previewAnswer(UUID id) {
        return deliveries.preview(id);
    }

    /** The approved answer's package, to hand over by post or in person ({@code requests.answer-taken}). */
    public AnswerFile takeAnswer(UUID id, Actor actor) {
        return deliveries.byHand(id, actor);
    }

    public void close(UUID id, Actor actor) {
        responses.close(id, actor);
    }

    public void extend(UUID id, String reasons, Actor actor) {
        extensions.extend(id, reasons, actor);
    }

    public void cancel(UUID id, Actor actor) {
        cancel(id, null, actor);
    }

    /**
     * Cancels an open request with the reason staff gave, if any ({@link Cancellations}); no message goes out.
     *
     * @throws ca.gardien.shared.InvalidInputException naming {@code reason} when it is too long
     */
    public void cancel(UUID id, String reason, Actor actor) {
        cancellations.cancel(id, reason, actor);
    }
}
