package ca.gardien.complaints;

import ca.gardien.mail.Outbox;
import ca.gardien.organization.AccountViews;
import ca.gardien.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The officer's work on complaint files from the console, as the signed-in account: the same steps as the API, the same
 * rules (the module decides who may open a file and which step is allowed now), the same ledger facts.
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class ComplaintDesk {

    /** A document's content, for download. */
    public record Content(ComplaintDocument document, byte[] content, String reference) {}

    private final Complaints complaints;
    private final ComplaintClock clock;
    private final AccountViews accounts;
    private final ca.gardien.requests.Requests requests;
    private final Outbox outbox;
    private final ca.gardien.mail.HeldMail mail;
    private final HeldAnswers heldAnswers;
    private final AnswerTransmitted transmitted;

    ComplaintDesk(
            Complaints complaints,
            ComplaintClock clock,
            AccountViews accounts,
            ca.gardien.requests.Requests requests,
            Outbox outbox,
            ca.gardien.mail.HeldMail mail,
            HeldAnswers heldAnswers,
            AnswerTransmitted transmitted) {
        this.heldAnswers = heldAnswers;
        this.transmitted = transmitted;
        this.outbox = outbox;
        this.mail = mail;
        this.complaints = complaints;
        this.clock = clock;
        this.accounts = accounts;
        this.requests = requests;
    }

    /** The file and the steps the reader may take now; the read is a ledger fact. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintPage page(UUID id, Authentication auth) {
        var caller = ComplaintCaller.of(auth);
        var file = complaints.read(id, caller);
        var c = file.complaint();
        var actions = new HashSet<String>();
        boolean open = c.status().isOpen();
        boolean onTime = !clock.late(c);
        if (open && caller.decides()) {
            actions.add("assign");
        }
        if (open) {
            actions.addAll(List.of("link", "answer"));
        }
        if (c.status() == ComplaintStatus.OPEN && onTime) {
            actions.addAll(List.of("requestInformation", "delayNotice"));
        }
        if (c.status() == ComplaintStatus.AWAITING_INFORMATION) {
            actions.add("informationReceived");
        }
        if (c.status() != ComplaintStatus.CLOSED) {
            actions.add("note");
        }
        actions.add("document"); // on a closed file too, filed as received after closing (the Commission's letter)
        if (c.status() == ComplaintStatus.ANSWERED) {
            actions.add("close");
        }
        // what Gardien queued about the file: the complaints module queues its mail about the file's id
        var messages = outbox.about(id.toString());
        var held = messages.stream().filter(mail::held).map(m -> m.id()).collect(java.util.stream.Collectors.toSet());
        if (!open && ComplaintPage.heldLetter(file, messages, held) != null) {
            actions.add("answerTransmitted"); // its answer's email held: how and when it reached the person another way
        }
        var assignees = new ArrayList<ComplaintPage.Assignee>();
        if (actions.contains("assign")) {
            FieldTexts.assignees(accounts).forEach(a -> assignees.add(new ComplaintPage.Assignee(a.id(), a.name())));
        }
        var assignedTo = accounts.nameOf(c.assignedTo()).orElse(null);
        // the reference alone: not the whole request (its identifiers opened) for one word on the page
        var requestReference = c.requestId() == null
                ? null
                : requests.referencesOf(java.util.List.of(c.requestId())).get(c.requestId());
        return new ComplaintPage(file, actions, assignees, assignedTo, requestReference, messages, held);
    }

    /**
     * The answered or closed files whose answer's email has not left ({@link ca.gardien.mail.HeldMail}), as each file's
     * page says ({@link ComplaintPage#heldLetter}) and the dashboard counts them ({@link HeldAnswers}): the queue's filter
     * {@code HELD} lists them, and the queue and its CSV say so of them rather than "answered". The queue shows the
     * reader the files they may see. Two statements, with a mail server configured or not.
     */
    @Transactional(readOnly = true)
    public java.util.Set<UUID> answersHeld() {
        return heldAnswers.among(null);
    }

    /** A complaint received by mail, email or phone, entered with its scanned letter: both or neither are kept. */
    @Transactional
    public ComplaintView enter(
            NewComplaint complaint, String letterType, byte[] letter, String letterName, Authentication auth) {
        var caller = ComplaintCaller.of(auth);
        var entered = complaints.enter(complaint, caller);
        if (letter != null) {
            complaints.file(entered.complaint().id(), "LETTER", letterType, letter, letterName, caller);
        }
        return entered;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintView assign(UUID id, String accountId, Authentication auth) {
        var errors = new ArrayList<ca.gardien.shared.FieldError>();
        var account = ComplaintFiles.uuid(accountId, "accountId", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return complaints.assign(id, account, ComplaintCaller.of(auth));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintView link(UUID id, String requestId, String incidentId, Authentication auth) {
        return complaints.link(id, requestId, null, incidentId, ComplaintCaller.of(auth));
    }

    /** No transaction around it: its letter's PDF is rendered between two ({@link LetterSteps}). */
    public ComplaintView requestInformation(UUID id, String details, Authentication auth) {
        return complaints.requestInformation(id, details, ComplaintCaller.of(auth));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintView informationReceived(UUID id, String receivedOn, Authentication auth) {
        return complaints.informationReceived(id, receivedOn, ComplaintCaller.of(auth));
    }

    /** No transaction around it: its letter's PDF is rendered between two ({@link LetterSteps}). */
    public ComplaintView delayNotice(UUID id, String reasons, String status, String newDueOn, Authentication auth) {
        return complaints.delayNotice(id, reasons, status, newDueOn, ComplaintCaller.of(auth));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintView note(UUID id, String text, Authentication auth) {
        return complaints.note(id, text, ComplaintCaller.of(auth));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintDocument file(UUID id, String mediaType, byte[] content, String fileName, Authentication auth) {
        return complaints.file(id, "SUPPORTING", mediaType, content, fileName, ComplaintCaller.of(auth));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public Content download(UUID id, UUID documentId, Authentication auth) {
        var download = complaints.download(id, documentId, ComplaintCaller.of(auth));
        return new Content(download.document(), download.content(), download.reference());
    }

    /** No transaction around it: its letter's PDF is rendered between two ({@link LetterSteps}). */
    public ComplaintView answer(UUID id, String reasons, Authentication auth) {
        return complaints.answer(id, reasons, ComplaintCaller.of(auth));
    }

    /** The answer exactly as it would be sent now, in the complainant's language: nothing is sent or kept. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public String previewAnswer(UUID id, String reasons, Authentication auth) {
        return complaints.previewAnswer(id, reasons, ComplaintCaller.of(auth));
    }

    /** The held answer recorded transmitted another way, on a day, by a means ({@link AnswerTransmitted}). */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintView answerTransmitted(UUID id, String transmittedOn, String means, Authentication auth) {
        return transmitted.record(id, transmittedOn, means, ComplaintCaller.of(auth));
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    public ComplaintView close(UUID id, Authentication auth) {
        return complaints.close(id, ComplaintCaller.of(auth));
    }
}
