package ca.gardien.complaints;

import ca.gardien.organization.AccountViews;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.transaction.annotation.Transactional;

/**
 * The steps of an open file: assignment, the link to a rights request, the clock stopped by an information request
 * and restarted by its receipt, the delay notice and the analysis notes. Each is a timeline line and a ledger fact.
 */
@org.springframework.stereotype.Component
class ComplaintSteps {

    private final ComplaintFiles files;
    private final ComplaintEmails emails;
    private final ComplaintStore store;
    private final ComplaintDocumentStore documents;
    private final ComplaintClock clock;
    private final ComplaintLetters letters;
    private final Clock instants;
    private final AccountViews accounts;
    private final ComplaintFileRoom room;

    ComplaintSteps(
            ComplaintFiles files,
            ComplaintEmails emails,
            ComplaintStore store,
            ComplaintDocumentStore documents,
            ComplaintClock clock,
            ComplaintLetters letters,
            Clock instants,
            AccountViews accounts,
            ComplaintFileRoom room) {
        this.room = room;
        this.files = files;
        this.emails = emails;
        this.store = store;
        this.documents = documents;
        this.clock = clock;
        this.letters = letters;
        this.instants = instants;
        this.accounts = accounts;
    }

    ComplaintView assign(UUID id, UUID accountId, ComplaintCaller caller) {
        if (!caller.decides()) {
            throw new AccessDeniedException("complaints");
        }
        if (accountId == null) {
            throw new InvalidInputException("accountId", "shared.field.required");
        }
        if (!FieldTexts.handlesComplaints(accounts, accountId)) {
            throw new InvalidInputException("accountId", "complaints.field.assignee");
        }
        var c = files.opened(id, caller);
        return files.view(files.save(
                ComplaintFiles.with(c, c.status(), c.dueOn(), c.informationRequestedOn(), c.delayDueOn(), accountId),
                "assigned",
                Map.of("accountId", accountId.toString()),
                caller.actor(),
                null));
    }

    /** Links the file to the rights request it concerns; the complainant's refused request brings the CAI remedy. */
    ComplaintView link(UUID id, UUID request, Boolean refused, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        boolean concerns = files.concernsRefusal(c.email(), c.phone(), request, Boolean.TRUE.equals(refused));
        var linked = c.withState(
                c.status(),
                c.dueOn(),
                c.informationRequestedOn(),
                c.delayDueOn(),
                c.assignedTo(),
                request,
                concerns,
                c.answeredOn());
        return files.view(files.save(
                linked,
                "linked",
                Map.of("requestId", request.toString(), "refused", String.valueOf(concerns)),
                caller.actor(),
                null));
    }

    /** The letter {@link #requestInformation} would post now (the same checks): none when it is emailed, or asks nothing. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintLetters.Composed informationLetter(UUID id, String details, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        return posted(c, informationAsked(c, details));
    }

    /**
     * Asks the complainant for additional information: the clock stops until it is received. Without an email address
     * the letter is printed and posted from its PDF in the file (rendered {@code before} the transaction: {@link
     * LetterSteps}).
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView requestInformation(
            UUID id, String details, ComplaintCaller caller, ComplaintLetters.Rendered before) {
        var c = files.opened(id, caller);
        var what = informationAsked(c, details);
        var today = clock.today();
        var stopped = ComplaintFiles.with(c, ComplaintStatus.AWAITING_INFORMATION, null, today, null, c.assignedTo());
        boolean held = false; // the email stays in the outbox (no mail server): said placed there, not sent
        var posted = posted(c, what);
        if (posted != null) {
            var pdf = letters.pdf(posted, before);
            documents.insert(c.id(), "INFORMATION_REQUEST", "application/pdf", pdf, instants.instant());
        } else if (what != null) {
            held = emails.email(c, "complaint-information", what);
        }
        return files.view(files.save(
                stopped, "information-requested", Map.of("on", today.toString()), caller.actor(), what, held));
    }

    private String informationAsked(Complaint c, String details) {
        ComplaintFiles.requireStatus(c, ComplaintStatus.OPEN);
        files.refuseLate(c);
        return FieldTexts.prose(details, "details", ComplaintFiles.MAX_TEXT, false);
    }

    /** The letter asking for {@code what} by post: none without a question, or when the file has an email address. */
    private ComplaintLetters.Composed posted(Complaint c, String what) {
        if (what == null || c.email() != null) {
            return null;
        }
        var locale = ComplaintFiles.locale(c);
        return new ComplaintLetters.Composed(letters.informationRequest(c, what, locale), locale);
    }

    /** The additional information arrived: a new 30-day period runs from its receipt. */
    ComplaintView informationReceived(UUID id, String receivedOn, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        ComplaintFiles.requireStatus(c, ComplaintStatus.AWAITING_INFORMATION);
        var today = clock.today();
        LocalDate day = today;
        if (receivedOn != null && !receivedOn.isBlank()) {
            day = DateRange.day(receivedOn);
            if (day == null) {
                throw new InvalidInputException(List.of(DateRange.outside("receivedOn")));
            }
            if (day.isAfter(today)) {
                throw new InvalidInputException("receivedOn", "shared.field.not-future");
            }
            if (day.isBefore(c.informationRequestedOn())) {
                throw new InvalidInputException(
                        "receivedOn",
                        "complaints.field.before-request",
                        c.informationRequestedOn().toString());
            }
        }
        var due = clock.dueFrom(day);
        var restarted =
                ComplaintFiles.with(c, ComplaintStatus.OPEN, due, c.informationRequestedOn(), null, c.assignedTo());
        return files.view(files.save(
                restarted,
                "information-received",
                Map.of("receivedOn", day.toString(), "dueOn", due.toString()),
                caller.actor(),
                ComplaintStep.daysOf(day, due)));
    }

    /** The delay notice {@link #delayNotice} would send now (the same checks), its PDF to render before it. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintLetters.Composed delayLetter(
            UUID id, String reasons, String status, String newDueOn, ComplaintCaller caller) {
        return DelayNotices.letter(files.opened(id, caller), reasons, status, newDueOn, clock, letters)
                .composed();
    }

    /**
     * The delay notice: when the answer cannot be given in time, the complainant is told, before the due date, the
     * reasons for the delay, the status of the complaint and a reasonable time for the final answer; its PDF the one
     * rendered {@code before} the transaction when the letter is the same ({@link LetterSteps}).
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView delayNotice(
            UUID id,
            String reasons,
            String status,
            String newDueOn,
            ComplaintCaller caller,
            ComplaintLetters.Rendered before) {
        var c = files.opened(id, caller);
        var notice = DelayNotices.letter(c, reasons, status, newDueOn, clock, letters);
        var day = notice.day();
        var pdf = letters.pdf(notice.composed(), before);
        var document = documents.insert(c.id(), "DELAY_NOTICE", "application/pdf", pdf, instants.instant());
        var held = emails.email(c, "complaint-delay", notice.composed().letter().text());
        var delayed = ComplaintFiles.with(c, c.status(), c.dueOn(), c.informationRequestedOn(), day, c.assignedTo());
        return files.view(files.save(
                delayed,
                "delay-notice",
                Map.of(
                        "dueOn",
                        c.effectiveDueOn().toString(),
                        "newDueOn",
                        day.toString(),
                        "sha256",
                        document.sha256(),
                        "by",
                        c.email() == null ? "POST" : "EMAIL"),
                caller.actor(),
                ComplaintStep.daysOf(day),
                held));
    }

    /** An analysis note in the file. */
    ComplaintView note(UUID id, String text, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        var note = FieldTexts.prose(text, "text", ComplaintFiles.MAX_TEXT, true);
        room.note(c.id()); // none on a closed file, at most max-notes
        store.step(c.id(), "note", note, caller.actor(), instants.instant());
        files.fact("note", c.id(), caller.actor(), Map.of("sha256", ca.gardien.shared.Digests.sha256Hex(note)));
        return files.view(c);
    }
}
