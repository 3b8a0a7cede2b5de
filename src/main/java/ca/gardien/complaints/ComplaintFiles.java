package ca.gardien.complaints;

import ca.gardien.ledger.Evidence;
import ca.gardien.requests.RequestStatus;
import ca.gardien.requests.Requests;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;

/**
 * What every step on a complaint file shares: opening the file for a caller (the same refusal for a missing file and
 * a forbidden one, a ledger fact either way), saving a step with its timeline line and its ledger fact, and the views.
 */
@Component
class ComplaintFiles {

    static final int MAX_LIST = 500;
    static final int MAX_TEXT = 10_000;

    private final ComplaintStore store;
    private final ComplaintDocumentStore documents;
    private final ComplaintClock clock;
    private final Requests requests;
    private final ca.gardien.requests.Responses responses;
    private final ApplicationEventPublisher events;
    private final Clock instants;
    private final ComplaintIncidentLinks links;

    ComplaintFiles(
            ComplaintStore store,
            ComplaintDocumentStore documents,
            ComplaintClock clock,
            Requests requests,
            ca.gardien.requests.Responses responses,
            ApplicationEventPublisher events,
            Clock instants,
            ComplaintIncidentLinks links) {
        this.links = links;
        this.store = store;
        this.documents = documents;
        this.clock = clock;
        this.requests = requests;
        this.responses = responses;
        this.events = events;
        this.instants = instants;
    }

    Complaint opened(UUID id, ComplaintCaller caller) {
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

    void refuseLate(Complaint c) {
        if (clock.late(c)) {
            throw new ConflictException(
                    "complaints.conflict.late-without-notice",
                    c.effectiveDueOn().toString());
        }
    }

    /** A status in the reader's words ({@code complaints.status.*}), resolved with the message it is part of. */
    static org.springframework.context.MessageSourceResolvable words(ComplaintStatus status) {
        return new org.springframework.context.support.DefaultMessageSourceResolvable(
                "complaints.status." + status.name());
    }

    static void requireStatus(Complaint c, ComplaintStatus status) {
        if (c.status() != status) {
            throw new ConflictException("complaints.conflict.state", ComplaintFiles.words(c.status()));
        }
    }

    Complaint save(Complaint c, String step, Map<String, String> payload, Actor actor, String detail) {
        return save(c, step, payload, actor, detail, false);
    }

    /**
     * A step whose letter was emailed: {@code held} when the email stays in the outbox, which its timeline line keeps
     * and its fact records as {@code outbox: held} (the ledger's words then say it was placed there, not sent).
     */
    Complaint save(Complaint c, String step, Map<String, String> payload, Actor actor, String detail, boolean held) {
        var recorded = new HashMap<>(payload);
        if (held) {
            recorded.put("outbox", "held");
        }
        store.update(c, instants.instant());
        store.step(c.id(), step, detail, actor, instants.instant(), held);
        fact(step, c.id(), actor, recorded);
        return store.find(c.id()).orElseThrow();
    }

    void fact(String step, UUID id, Actor actor, Map<String, String> payload) {
        events.publishEvent(
                Evidence.of(instants.instant(), actor, "complaints." + step, "complaint", id, new HashMap<>(payload)));
    }

    static Complaint with(
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

    /**
     * The rights request a staff member named, by its reference ("R-2026-00042") or its id; null when blank. A
     * reference that names no request is an error of the field (the same answer as an unknown id).
     */
    UUID request(String value, List<FieldError> errors) {
        if (value != null && ca.gardien.shared.References.parse(value) != null) {
            var id = requests.idOf(value);
            if (id.isEmpty()) {
                errors.add(FieldError.of("requestId", "complaints.field.request-unknown"));
            }
            return id.orElse(null);
        }
        return uuid(value, "requestId", errors);
    }

    /**
     * Whether the answer about a complaint concerning this request gives the examination of a disagreement (ss. 42-43):
     * only when the request is the complainant's own (known by their email or phone) and it was refused, deemed refused
     * or said refused by staff ({@code saidRefused}). The recourse belongs to the applicant: a complaint about another
     * person's request gets the complaint to the Commission alone, and its letter says nothing of that request (privacy
     * officer's review: it spoke of "your request" and told its refusal); saying such a request refused is an error of
     * {@code refused}.
     */
    boolean concernsRefusal(String email, String phone, UUID requestId, boolean saidRefused) {
        try {
            if (!requests.identifiedBy(requestId, email, phone)) {
                if (saidRefused) {
                    throw new InvalidInputException("refused", "complaints.field.refused-not-theirs");
                }
                return false;
            }
            return saidRefused || refusedRequest(requestId);
        } catch (NotFoundException | AccessDeniedException e) {
            // the same answer for a request that does not exist and one the caller may not know of
            throw new InvalidInputException("requestId", "complaints.field.request-unknown");
        }
    }

    private boolean refusedRequest(UUID requestId) {
        var status = requests.get(requestId).status();
        if (status == RequestStatus.DEEMED_REFUSED) {
            return true;
        }
        // an answer sent that refused the request, in whole or in part (officer review: only a deemed refusal
        // counted, so a complaint about an answered refusal was not told of the examination of a disagreement)
        return (status == RequestStatus.SENT || status == RequestStatus.CLOSED)
                && java.util.List.of("REFUSAL", "PARTIAL_REFUSAL")
                        .contains(responses.of(requestId).outcome());
    }

    ComplaintView view(Complaint c) {
        return new ComplaintView(
                c,
                clock.daysLeft(c),
                clock.urgency(c).name(),
                store.steps(c.id()),
                documents.of(c.id()),
                links.of(c.id()));
    }

    ComplaintView summary(Complaint c) {
        return new ComplaintView(c, clock.daysLeft(c), clock.urgency(c).name(), null, null, null);
    }

    static Locale locale(Complaint c) {
        return Language.byCode(c.language()).orElse(Language.FRENCH).locale();
    }

    static UUID uuid(String value, String field, List<FieldError> errors) {
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

    static <E extends Enum<E>> E enumValue(Class<E> type, String field, String value) {
        try {
            return Enum.valueOf(type, value.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new InvalidInputException(field, "shared.field.one-of", List.of(type.getEnumConstants()));
        }
    }
}
