package ca.gardien.complaints;

import ca.gardien.organization.AccountViews;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.access.AccessDeniedException;

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

    /** Asks the complainant for additional information: the clock stops until it is received. */
    ComplaintView requestInformation(UUID id, String details, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        ComplaintFiles.requireStatus(c, ComplaintStatus.OPEN);
        files.refuseLate(c);
        var what = FieldTexts.prose(details, "details", ComplaintFiles.MAX_TEXT, false);
        var today = clock.today();
        var stopped = ComplaintFiles.with(c, ComplaintStatus.AWAITING_INFORMATION, null, today, null, c.assignedTo());
        boolean held = false; // the email stays in the outbox (no mail server): said placed there, not sent
        if (what != null && c.email() == null) {
            // no address: the letter is printed and posted from its PDF in the file
            var locale = ComplaintFiles.locale(c);
            var pdf = letters.pdf(letters.informationRequest(c, what, locale), locale);
            documents.insert(c.id(), "INFORMATION_REQUEST", "application/pdf", pdf, instants.instant());
        } else if (what != null) {
            held = emails.email(c, "complaint-information", what);
        }
        return files.view(files.save(
                stopped, "information-requested", Map.of("on", today.toString()), caller.actor(), what, held));
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

    /**
     * The delay notice: when the answer cannot be given in time, the complainant is told, before the due date, the
     * reasons for the delay, the status of the complaint and a reasonable time for the final answer.
     */
    ComplaintView delayNotice(UUID id, String reasons, String status, String newDueOn, ComplaintCaller caller) {
        var c = files.opened(id, caller);
        ComplaintFiles.requireStatus(c, ComplaintStatus.OPEN);
        var errors = new ArrayList<FieldError>();
        var why = FieldTexts.prose(reasons, "reasons", ComplaintFiles.MAX_TEXT, true, errors);
        var where = FieldTexts.prose(status, "status", ComplaintFiles.MAX_TEXT, true, errors);
        LocalDate day = null;
        if (newDueOn == null || newDueOn.isBlank()) {
            errors.add(FieldError.of("newDueOn", "shared.field.required"));
        } else if ((day = DateRange.day(newDueOn)) == null) {
            errors.add(DateRange.outside("newDueOn"));
        } else if (!day.isAfter(c.effectiveDueOn())) {
            errors.add(FieldError.of(
                    "newDueOn", "complaints.field.after-due", c.effectiveDueOn().toString()));
        } else if (day.isAfter(c.effectiveDueOn().plus(Complaints.LONGEST_DELAY))) {
            // a "reasonable time" (seed, section 12): not a date that keeps the file from ever being late
            errors.add(FieldError.of(
                    "newDueOn",
                    "shared.field.date-range",
                    c.effectiveDueOn().plusDays(1),
                    c.effectiveDueOn().plus(Complaints.LONGEST_DELAY)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (clock.late(c)) {
            throw new ConflictException(
                    "complaints.conflict.notice-too-late", c.effectiveDueOn().toString());
        }
        var locale = ComplaintFiles.locale(c);
        var letter = letters.delayNotice(c, why, where, day, locale);
        var pdf = letters.pdf(letter, locale);
        var document = documents.insert(c.id(), "DELAY_NOTICE", "application/pdf", pdf, instants.instant());
        var held = emails.email(c, "complaint-delay", letter.text());
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
