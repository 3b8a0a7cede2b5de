package ca.gardien.complaints;

import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint files: intake ({@link ComplaintIntake}), the confidential read, the steps of the clock
 * ({@link ComplaintSteps}), the documents, the reasoned answer and closing ({@link ComplaintAnswers}). Every step is a
 * ledger fact ({@code complaints.<step>}) carrying ids, dates and document hashes, never the complainant's data. A
 * refused step keeps its {@code complaints.read-refused} fact: refusals do not roll the transaction back.
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class Complaints {

    /** The longest a delay notice may push the answer back past the due date. */
    static final java.time.Period LONGEST_DELAY = java.time.Period.ofDays(90);

    private final ComplaintFiles files;
    private final ComplaintIntake intake;
    private final ComplaintSteps steps;
    private final ComplaintAnswers answers;
    private final ComplaintStore store;
    private final ComplaintClock clock;
    private final ComplaintIncidents incidents;
    private final ComplaintReferences references;
    private final ComplaintCounts counts;
    private final LetterSteps letterSteps;

    Complaints(
            ComplaintFiles files,
            ComplaintIntake intake,
            ComplaintSteps steps,
            ComplaintAnswers answers,
            ComplaintStore store,
            ComplaintClock clock,
            ComplaintIncidents incidents,
            ComplaintReferences references,
            ComplaintCounts counts,
            LetterSteps letterSteps) {
        this.letterSteps = letterSteps;
        this.references = references;
        this.counts = counts;
        this.incidents = incidents;
        this.files = files;
        this.intake = intake;
        this.steps = steps;
        this.answers = answers;
        this.store = store;
        this.clock = clock;
    }

    /** The references of these complaints (those that exist), by id: they name files, nothing about the person. */
    public java.util.Map<UUID, String> referencesOf(java.util.Collection<UUID> ids) {
        return references.of(ids);
    }

    /** The complaint a reference names ("c-2026-7", as staff type it), if there is one. */
    public java.util.Optional<UUID> idOf(String reference) {
        var parsed = ca.gardien.shared.References.parse(reference);
        return parsed == null ? java.util.Optional.empty() : references.idOf(parsed);
    }

    /** A complaint received through the public portal: today, no link, acknowledged by email. */
    @Transactional
    public Complaint receiveFromPortal(NewComplaint complaint) {
        return intake.receiveFromPortal(complaint);
    }

    /** A complaint entered by staff (received by mail, email or phone) or sent through the API. */
    @Transactional
    ComplaintView enter(NewComplaint complaint, ComplaintCaller caller) {
        return intake.enter(complaint, caller);
    }

    /**
     * The file, for a caller who may open it; every read is a ledger fact, and so is every refused read. A caller who
     * may not open the file gets the same refusal whether it exists or not.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView read(UUID id, ComplaintCaller caller) {
        var complaint = files.opened(id, caller);
        files.fact("read", id, caller.actor(), java.util.Map.of());
        return files.view(complaint);
    }

    /** The queue as the signed-in caller may see it (the console). */
    @Transactional(readOnly = true)
    public List<ComplaintView> queue(ComplaintStatus status, String search, Authentication auth) {
        return queue(status, search, ComplaintCaller.of(auth));
    }

    /** The file, if the signed-in caller may open it (the console); the read is a ledger fact. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintView read(UUID id, Authentication auth) {
        return read(id, ComplaintCaller.of(auth));
    }

    /** The queue: every file for the person in charge and delegates, their own files for staff. */
    @Transactional(readOnly = true)
    List<ComplaintView> queue(ComplaintStatus status, String search, ComplaintCaller caller) {
        if (!caller.receives()) {
            throw new AccessDeniedException("complaints");
        }
        if (search != null && search.length() > 200) {
            throw new ca.gardien.shared.InvalidInputException("q", "shared.field.too-long", 200);
        }
        UUID mine = caller.decides() ? null : caller.accountId().orElse(new UUID(0, 0));
        return store.list(status, mine, search, ComplaintFiles.MAX_LIST).stream()
                .map(files::summary)
                .toList();
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView assign(UUID id, UUID accountId, ComplaintCaller caller) {
        return steps.assign(id, accountId, caller);
    }

    /**
     * Links the file to the rights request it concerns (a refused request, or one said refused, brings the CAI remedy)
     * or to the incident it concerns; both when both are named.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView link(UUID id, String requestId, Boolean refused, String incidentId, ComplaintCaller caller) {
        files.opened(id, caller); // who may not open the file learns nothing of what was named
        boolean request = requestId != null && !requestId.isBlank();
        boolean incident = incidentId != null && !incidentId.isBlank();
        // every error of the step at once, before anything is written
        var errors = new java.util.ArrayList<ca.gardien.shared.FieldError>();
        if (!request && !incident) {
            errors.add(ca.gardien.shared.FieldError.of("requestId", "complaints.field.link-required"));
            errors.add(ca.gardien.shared.FieldError.of("incidentId", "complaints.field.link-required"));
        }
        var requestUuid = request ? files.request(requestId, errors) : null;
        var incidentUuid = incident ? incidents.incident(incidentId, caller, errors) : null;
        if (!errors.isEmpty()) {
            throw new ca.gardien.shared.InvalidInputException(errors);
        }
        var linked = request ? steps.link(id, requestUuid, refused, caller) : null;
        return incident ? incidents.link(id, incidentUuid, caller) : linked;
    }

    /** The complaints about an incident that the signed-in reader may open, for the incident's console page. */
    @Transactional(readOnly = true)
    public List<ComplaintLink> linkedToIncident(UUID incidentId, Authentication auth) {
        var caller = ComplaintCaller.of(auth);
        return incidents.about(incidentId).stream()
                .flatMap(id -> store.find(id).stream())
                .filter(caller::mayOpen)
                .map(c -> new ComplaintLink(c.id(), c.reference(), c.status(), c.effectiveDueOn()))
                .toList();
    }

    /** The complaints about a rights request, for its page (ids, statuses and due dates only). */
    @Transactional(readOnly = true)
    public List<ComplaintView> aboutRequest(UUID requestId) {
        return store.aboutRequest(requestId).stream().map(files::summary).toList();
    }

    /** The complaints about a rights request that the signed-in reader may open, for the request's console page. */
    @Transactional(readOnly = true)
    public List<ComplaintLink> linkedTo(UUID requestId, Authentication auth) {
        var caller = ComplaintCaller.of(auth);
        return store.aboutRequest(requestId).stream()
                .filter(caller::mayOpen)
                .map(c -> new ComplaintLink(c.id(), c.reference(), c.status(), c.effectiveDueOn()))
                .toList();
    }

    /** Asks the complainant for additional information: the clock stops until it is received ({@link LetterSteps}). */
    ComplaintView requestInformation(UUID id, String details, ComplaintCaller caller) {
        return letterSteps.requestInformation(id, details, caller);
    }

    /** The additional information arrived: a new 30-day period runs from its receipt. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView informationReceived(UUID id, String receivedOn, ComplaintCaller caller) {
        return steps.informationReceived(id, receivedOn, caller);
    }

    /** The delay notice: reasons, status and a reasonable new time, sent before the due date ({@link LetterSteps}). */
    ComplaintView delayNotice(UUID id, String reasons, String status, String newDueOn, ComplaintCaller caller) {
        return letterSteps.delayNotice(id, reasons, status, newDueOn, caller);
    }

    /** An analysis note in the file. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView note(UUID id, String text, ComplaintCaller caller) {
        return steps.note(id, text, caller);
    }

    /** A document of the file: the scanned letter ({@code LETTER}) or a supporting document ({@code SUPPORTING}). */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintDocument file(
            UUID id, String kind, String mediaType, byte[] content, String fileName, ComplaintCaller caller) {
        return answers.file(id, kind, mediaType, content, fileName, caller);
    }

    /** A document's content, for a caller who may open the file; the read is a ledger fact. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintAnswers.Download download(UUID id, UUID documentId, ComplaintCaller caller) {
        return answers.download(id, documentId, caller);
    }

    /** The reasoned written answer, by email and as a PDF, with the recourse to the Commission ({@link LetterSteps}). */
    ComplaintView answer(UUID id, String reasons, ComplaintCaller caller) {
        return letterSteps.answer(id, reasons, caller);
    }

    /** The answer's text as it would be sent now; nothing sent or kept. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    String previewAnswer(UUID id, String reasons, ComplaintCaller caller) {
        return answers.previewAnswer(id, reasons, caller);
    }

    /** Closes the file: only once the answer was sent. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView close(UUID id, ComplaintCaller caller) {
        return answers.close(id, caller);
    }

    /** Counts for the dashboard tile: open, due within 7 days, overdue; staff count their own files. */
    @Transactional(readOnly = true)
    long[] counts(UUID assignedTo) {
        var today = clock.today();
        return counts.counts(today, today.plusDays(ComplaintClock.DUE_SOON_DAYS), assignedTo);
    }
}
