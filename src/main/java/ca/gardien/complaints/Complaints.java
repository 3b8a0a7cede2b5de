package ca.gardien.complaints;

import static ca.gardien.complaints.FieldTexts.text;

import ca.gardien.ledger.Evidence;
import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.AccountViews;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.Requests;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.DateRange;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The complaint files: intake, the confidential read, the clock (information requested and received, the delay
 * notice), the analysis notes and documents, the reasoned answer and closing. Every step is a ledger fact
 * ({@code complaints.<step>}) carrying ids, dates and document hashes, never the complainant's data.
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class Complaints {

    /** The longest a delay notice may push the answer back past the due date. */
    static final java.time.Period LONGEST_DELAY = java.time.Period.ofDays(90);

    static final int MAX_LIST = 500;
    static final int MAX_TEXT = 10_000;
    private static final Pattern PHONE = Pattern.compile("[+]?[0-9 ().-]{7,30}");

    private final ComplaintStore store;
    private final ComplaintClock clock;
    private final ComplaintLetters letters;
    private final Outbox outbox;
    private final Requests requests;
    private final ApplicationEventPublisher events;
    private final Clock instants;
    private final AccountViews accounts;

    Complaints(
            ComplaintStore store,
            ComplaintClock clock,
            ComplaintLetters letters,
            Outbox outbox,
            Requests requests,
            ApplicationEventPublisher events,
            Clock instants,
            AccountViews accounts) {
        this.accounts = accounts;
        this.store = store;
        this.clock = clock;
        this.letters = letters;
        this.outbox = outbox;
        this.requests = requests;
        this.events = events;
        this.instants = instants;
    }

    /** A complaint received through the public portal: today, no link, acknowledged by email. */
    @Transactional
    public Complaint receiveFromPortal(NewComplaint complaint) {
        var bare = new NewComplaint(
                complaint.name(),
                complaint.email(),
                complaint.phone(),
                complaint.subject(),
                complaint.reasons(),
                null,
                complaint.language(),
                null,
                null);
        return receive(bare, Complaint.Channel.PORTAL, Actor.SYSTEM);
    }

    /** A complaint entered by staff (received by mail, email or phone) or sent through the API. */
    @Transactional
    ComplaintView enter(NewComplaint complaint, ComplaintCaller caller) {
        if (!caller.receives()) {
            throw new AccessDeniedException("complaints");
        }
        var channel = complaint.channel() == null || complaint.channel().isBlank()
                ? Complaint.Channel.API
                : enumValue(Complaint.Channel.class, "channel", complaint.channel());
        var saved = receive(complaint, channel, caller.actor());
        if (!caller.decides() && caller.accountId().isPresent()) {
            // staff who enter a complaint work it: the file is assigned to them until the person in charge decides
            saved = save(
                    with(
                            saved,
                            ComplaintStatus.OPEN,
                            saved.dueOn(),
                            null,
                            null,
                            caller.accountId().get()),
                    "assigned",
                    Map.of(),
                    caller.actor(),
                    null);
        }
        return view(saved);
    }

    private Complaint receive(NewComplaint in, Complaint.Channel channel, Actor actor) {
        var errors = new ArrayList<FieldError>();
        var name = text(in.name(), "name", 200, true, errors);
        var typed = text(in.email(), "email", 320, channel == Complaint.Channel.PORTAL, errors);
        var email = typed == null ? null : SubjectIdentifier.normalizedEmail(typed);
        if (typed != null && email == null) {
            errors.add(FieldError.of("email", "complaints.field.email"));
        }
        var phone = text(in.phone(), "phone", 30, true, errors);
        if (phone != null && !PHONE.matcher(phone).matches()) {
            errors.add(FieldError.of("phone", "complaints.field.phone"));
        }
        var subject = text(in.subject(), "subject", 200, true, errors);
        var reasons = text(in.reasons(), "reasons", MAX_TEXT, true, errors);
        var language = in.language() == null || in.language().isBlank()
                ? "fr"
                : in.language().strip();
        if (Language.byCode(language).isEmpty()) {
            errors.add(FieldError.of("language", "shared.field.language"));
        }
        var today = clock.today();
        LocalDate receivedOn = today;
        if (in.receivedOn() != null && !in.receivedOn().isBlank()) {
            receivedOn = DateRange.day(in.receivedOn());
            if (receivedOn == null) {
                errors.add(DateRange.outside("receivedOn"));
            } else if (receivedOn.isAfter(today)) {
                errors.add(FieldError.of("receivedOn", "shared.field.not-future"));
            }
        }
        UUID requestId = uuid(in.requestId(), "requestId", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean refused = requestId != null && refusedRequest(requestId);
        var complaint = new Complaint(
                UUID.randomUUID(),
                ComplaintStatus.OPEN,
                channel,
                language,
                name,
                email,
                phone,
                subject,
                reasons,
                receivedOn,
                instants.instant(),
                clock.dueFrom(receivedOn),
                null,
                null,
                null,
                requestId,
                refused,
                null,
                0);
        store.insert(complaint);
        var payload = new HashMap<String, String>();
        payload.put("channel", channel.name());
        payload.put("language", language);
        payload.put("receivedOn", receivedOn.toString());
        payload.put("dueOn", complaint.dueOn().toString());
        if (requestId != null) {
            payload.put("requestId", requestId.toString());
        }
        fact("received", complaint.id(), actor, payload);
        store.step(complaint.id(), "received", null, actor.toString(), instants.instant());
        if (email != null) {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    email,
                    "complaint-received",
                    locale(complaint),
                    List.of(subject, letters.day(complaint.dueOn(), locale(complaint))),
                    "complaint",
                    complaint.id().toString()));
            fact("acknowledged", complaint.id(), actor, Map.of("by", "EMAIL"));
        }
        return complaint;
    }

    /**
     * The file, for a caller who may open it; every read is a ledger fact, and so is every refused read. A caller who
     * may not open the file gets the same refusal whether it exists or not.
     */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    ComplaintView read(UUID id, ComplaintCaller caller) {
        var complaint = opened(id, caller);
        fact("read", id, caller.actor(), Map.of());
        return view(complaint);
    }

    /** The queue: every file for the person in charge and delegates, their own files for staff. */
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

    @Transactional(readOnly = true)
    List<ComplaintView> queue(ComplaintStatus status, String search, ComplaintCaller caller) {
        if (!caller.receives()) {
            throw new AccessDeniedException("complaints");
        }
        if (search != null && search.length() > 200) {
            throw new InvalidInputException("q", "shared.field.too-long", 200);
        }
        UUID mine = caller.decides() ? null : caller.accountId().orElse(new UUID(0, 0));
        return store.list(status, mine, search, MAX_LIST).stream()
                .map(this::summary)
                .toList();
    }

    @Transactional
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
        var c = opened(id, caller);
        return view(save(
                with(c, c.status(), c.dueOn(), c.informationRequestedOn(), c.delayDueOn(), accountId),
                "assigned",
                Map.of("accountId", accountId.toString()),
                caller.actor(),
                null));
    }

    /** Links the file to the rights request it concerns; a refused request (or one said refused) brings the CAI remedy. */
    @Transactional
    ComplaintView link(UUID id, String requestId, Boolean refused, ComplaintCaller caller) {
        var c = opened(id, caller);
        var errors = new ArrayList<FieldError>();
        var request = uuid(requestId, "requestId", errors);
        if (request == null && errors.isEmpty()) {
            errors.add(FieldError.of("requestId", "shared.field.required"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean concerns = Boolean.TRUE.equals(refused) || refusedRequest(request);
        var linked = c.withState(
                c.status(),
                c.dueOn(),
                c.informationRequestedOn(),
                c.delayDueOn(),
                c.assignedTo(),
                request,
                concerns,
                c.answeredOn());
        return view(save(
                linked,
                "linked",
                Map.of("requestId", request.toString(), "refused", String.valueOf(concerns)),
                caller.actor(),
                null));
    }

    /** The complaints about a rights request, for its page (ids, statuses and due dates only). */
    @Transactional(readOnly = true)
    public List<ComplaintView> aboutRequest(UUID requestId) {
        return store.aboutRequest(requestId).stream().map(this::summary).toList();
    }

    /** Asks the complainant for additional information: the clock stops until it is received. */
    @Transactional
    ComplaintView requestInformation(UUID id, String details, ComplaintCaller caller) {
        var c = opened(id, caller);
        requireStatus(c, ComplaintStatus.OPEN);
        refuseLate(c);
        var what = text(details, "details", MAX_TEXT, false);
        var today = clock.today();
        var stopped = with(c, ComplaintStatus.AWAITING_INFORMATION, null, today, null, c.assignedTo());
        if (c.email() != null && what != null) {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    c.email(),
                    "complaint-information",
                    locale(c),
                    List.of(c.subject(), what),
                    "complaint",
                    c.id().toString()));
        }
        return view(save(stopped, "information-requested", Map.of("on", today.toString()), caller.actor(), what));
    }

    /** The additional information arrived: a new 30-day period runs from its receipt. */
    @Transactional
    ComplaintView informationReceived(UUID id, String receivedOn, ComplaintCaller caller) {
        var c = opened(id, caller);
        requireStatus(c, ComplaintStatus.AWAITING_INFORMATION);
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
        var restarted = with(c, ComplaintStatus.OPEN, due, c.informationRequestedOn(), null, c.assignedTo());
        return view(save(
                restarted,
                "information-received",
                Map.of("receivedOn", day.toString(), "dueOn", due.toString()),
                caller.actor(),
                null));
    }

    /**
     * The delay notice: when the answer cannot be given in time, the complainant is told, before the due date, the
     * reasons for the delay, the status of the complaint and a reasonable time for the final answer.
     */
    @Transactional
    ComplaintView delayNotice(UUID id, String reasons, String status, String newDueOn, ComplaintCaller caller) {
        var c = opened(id, caller);
        requireStatus(c, ComplaintStatus.OPEN);
        var errors = new ArrayList<FieldError>();
        var why = text(reasons, "reasons", MAX_TEXT, true, errors);
        var where = text(status, "status", MAX_TEXT, true, errors);
        LocalDate day = null;
        if (newDueOn == null || newDueOn.isBlank()) {
            errors.add(FieldError.of("newDueOn", "shared.field.required"));
        } else if ((day = DateRange.day(newDueOn)) == null) {
            errors.add(DateRange.outside("newDueOn"));
        } else if (!day.isAfter(c.effectiveDueOn())) {
            errors.add(FieldError.of(
                    "newDueOn", "complaints.field.after-due", c.effectiveDueOn().toString()));
        } else if (day.isAfter(c.effectiveDueOn().plus(LONGEST_DELAY))) {
            // a "reasonable time" (seed, section 12): not a date that keeps the file from ever being late
            errors.add(FieldError.of(
                    "newDueOn",
                    "shared.field.date-range",
                    c.effectiveDueOn().plusDays(1),
                    c.effectiveDueOn().plus(LONGEST_DELAY)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (clock.late(c)) {
            throw new ConflictException(
                    "complaints.conflict.notice-too-late", c.effectiveDueOn().toString());
        }
        var locale = locale(c);
        var letter = letters.delayNotice(c, why, where, day, locale);
        var pdf = letters.pdf(letter, locale);
        var document = store.insertDocument(c.id(), "DELAY_NOTICE", "application/pdf", pdf, instants.instant());
        if (c.email() != null) {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    c.email(),
                    "complaint-delay",
                    locale,
                    List.of(c.subject(), letter.text()),
                    "complaint",
                    c.id().toString()));
        }
        var delayed = with(c, c.status(), c.dueOn(), c.informationRequestedOn(), day, c.assignedTo());
        return view(save(
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
                null));
    }

    /** An analysis note in the file. */
    @Transactional
    ComplaintView note(UUID id, String text, ComplaintCaller caller) {
        var c = opened(id, caller);
        var note = text(text, "text", MAX_TEXT, true);
        store.step(c.id(), "note", note, caller.actor().toString(), instants.instant());
        fact("note", c.id(), caller.actor(), Map.of("sha256", ca.gardien.shared.Digests.sha256Hex(note)));
        return view(c);
    }

    /** A document of the file: the scanned letter ({@code LETTER}) or a supporting document ({@code SUPPORTING}). */
    @Transactional
    ComplaintDocument file(UUID id, String kind, String mediaType, byte[] content, ComplaintCaller caller) {
        var c = opened(id, caller);
        var k = kind == null || kind.isBlank() ? "SUPPORTING" : kind.strip().toUpperCase(Locale.ROOT);
        if (!List.of("LETTER", "SUPPORTING").contains(k)) {
            throw new InvalidInputException("kind", "shared.field.one-of", List.of("LETTER", "SUPPORTING"));
        }
        if (content == null || content.length == 0) {
            throw new InvalidInputException("file", "shared.field.required");
        }
        var document = store.insertDocument(c.id(), k, mediaType, content, instants.instant());
        store.step(c.id(), "document", k, caller.actor().toString(), instants.instant());
        fact(
                "document",
                c.id(),
                caller.actor(),
                Map.of("documentId", document.id().toString(), "kind", k, "sha256", document.sha256()));
        return document;
    }

    /** A document's content, for a caller who may open the file; the read is a ledger fact. */
    @Transactional(noRollbackFor = AccessDeniedException.class)
    Download download(UUID id, UUID documentId, ComplaintCaller caller) {
        opened(id, caller);
        var document = store.document(id, documentId)
                .orElseThrow(() -> new NotFoundException("complaints.object.document", documentId));
        var content = store.content(id, documentId).orElseThrow();
        fact(
                "document-read",
                id,
                caller.actor(),
                Map.of("documentId", documentId.toString(), "sha256", document.sha256()));
        return new Download(document, content);
    }

    record Download(ComplaintDocument document, byte[] content) {}

    /**
     * The reasoned written answer, in the complainant's language, by email and as a PDF, with the recourse to the
     * Commission d'accès à l'information. After the due date it is refused unless a delay notice moved the date.
     */
    @Transactional
    ComplaintView answer(UUID id, String reasons, ComplaintCaller caller) {
        var c = opened(id, caller);
        if (!c.status().isOpen()) {
            throw new ConflictException("complaints.conflict.state", c.status().name());
        }
        var why = text(reasons, "reasons", MAX_TEXT, true);
        refuseLate(c);
        var locale = locale(c);
        var letter = letters.answer(c, why, locale);
        var pdf = letters.pdf(letter, locale);
        var document = store.insertDocument(c.id(), "ANSWER", "application/pdf", pdf, instants.instant());
        if (c.email() != null) {
            outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    c.email(),
                    "complaint-answer",
                    locale,
                    List.of(c.subject(), letter.text()),
                    "complaint",
                    c.id().toString()));
        }
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
        return view(save(
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
                null));
    }

    /** Closes the file: only once the answer was sent. */
    @Transactional
    ComplaintView close(UUID id, ComplaintCaller caller) {
        var c = opened(id, caller);
        if (c.status() != ComplaintStatus.ANSWERED) {
            throw new ConflictException("complaints.conflict.close-unanswered");
        }
        return view(save(
                with(c, ComplaintStatus.CLOSED, c.dueOn(), c.informationRequestedOn(), c.delayDueOn(), c.assignedTo()),
                "closed",
                Map.of(),
                caller.actor(),
                null));
    }

    /** Counts for the dashboard tile: open, due within 7 days, overdue; staff count their own files. */
    @Transactional(readOnly = true)
    long[] counts(UUID assignedTo) {
        var today = clock.today();
        return store.counts(today, today.plusDays(ComplaintClock.DUE_SOON_DAYS), assignedTo);
    }

    // --- helpers ---------------------------------------------------------------------------------------------------

    private Complaint opened(UUID id, ComplaintCaller caller) {
        var found = store.find(id);
        if (caller.decides()) {
            return found.orElseThrow(() -> new NotFoundException("complaints.object.complaint", id));
        }
        if (found.isEmpty() || !caller.mayOpen(found.get())) {
            // the same refusal for a file that exists and one that does not: the error tells nothing
            fact("read-refused", id, caller.actor(), Map.of());
            throw new AccessDeniedException("complaints");
        }
        return found.get();
    }

    private void refuseLate(Complaint c) {
        if (clock.late(c)) {
            throw new ConflictException(
                    "complaints.conflict.late-without-notice",
                    c.effectiveDueOn().toString());
        }
    }

    private static void requireStatus(Complaint c, ComplaintStatus status) {
        if (c.status() != status) {
            throw new ConflictException("complaints.conflict.state", c.status().name());
        }
    }

    private Complaint save(Complaint c, String step, Map<String, String> payload, Actor actor, String detail) {
        store.update(c, instants.instant());
        store.step(c.id(), step, detail, actor.toString(), instants.instant());
        fact(step, c.id(), actor, payload);
        return store.find(c.id()).orElseThrow();
    }

    private void fact(String step, UUID id, Actor actor, Map<String, String> payload) {
        events.publishEvent(
                Evidence.of(instants.instant(), actor, "complaints." + step, "complaint", id, new HashMap<>(payload)));
    }

    private static Complaint with(
            Complaint c,
            ComplaintStatus status,
            LocalDate dueOn,
            LocalDate informationRequestedOn,
            LocalDate delayDueOn,
            UUID assignedTo) {
        return c.withState(
                status,
                dueOn,
                informationRequestedOn,
                delayDueOn,
                assignedTo,
                c.requestId(),
                c.concernsRefusal(),
                c.answeredOn());
    }

    private boolean refusedRequest(UUID requestId) {
        try {
            return requests.get(requestId).status() == RequestStatus.DEEMED_REFUSED;
        } catch (NotFoundException e) {
            throw new InvalidInputException("requestId", "complaints.field.request-unknown");
        }
    }

    ComplaintView view(Complaint c) {
        var documents = store.documents(c.id());
        return new ComplaintView(c, clock.daysLeft(c), clock.urgency(c).name(), store.steps(c.id()), documents);
    }

    private ComplaintView summary(Complaint c) {
        return new ComplaintView(c, clock.daysLeft(c), clock.urgency(c).name(), null, null);
    }

    static Locale locale(Complaint c) {
        return Language.byCode(c.language()).orElse(Language.FRENCH).locale();
    }

    private static UUID uuid(String value, String field, List<FieldError> errors) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return UUID.fromString(value.strip());
        } catch (IllegalArgumentException e) {
            errors.add(FieldError.of(field, "complaints.field.id"));
            return null;
        }
    }

    private static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "shared.field.one-of", List.of(type.getEnumConstants()));
        }
    }
}
