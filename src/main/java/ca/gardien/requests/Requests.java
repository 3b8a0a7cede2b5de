package ca.gardien.requests;

import ca.gardien.organization.Role;
import ca.gardien.shared.NotFoundException;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read model of rights requests, for the API, the console and other modules. */
@Service
public class Requests {

    static final int MAX_LIST = 1000;

    private final RequestStore store;
    private final RequestsProperties properties;
    private final RequestFacts facts;
    private final AnswerNotice notice;

    Requests(RequestStore store, RequestsProperties properties, RequestFacts facts, AnswerNotice notice) {
        this.store = store;
        this.properties = properties;
        this.facts = facts;
        this.notice = notice;
    }

    /**
     * Whether the request is known by this email address or phone number (one of its identifiers, as intake normalizes
     * them): a complaint about it then comes from the person it concerns, not from someone else. False when both are
     * null or the request has neither.
     */
    @Transactional(readOnly = true)
    public boolean identifiedBy(UUID id, String email, String phone) {
        var mine = new java.util.ArrayList<ca.gardien.shared.SubjectIdentifier>();
        for (var kind : List.of(ca.gardien.shared.IdentifierKind.EMAIL, ca.gardien.shared.IdentifierKind.PHONE)) {
            var typed = ca.gardien.shared.SubjectIdentifier.of(
                    kind, kind == ca.gardien.shared.IdentifierKind.EMAIL ? email : phone, properties.phoneRegion());
            if (typed != null) {
                mine.add(typed);
            }
        }
        return get(id).identifiers().stream()
                .anyMatch(i -> i.value() != null
                        && mine.contains(new ca.gardien.shared.SubjectIdentifier(i.kind(), i.value())));
    }

    @Transactional(readOnly = true)
    public RightsRequest get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("requests.object.request", id));
    }

    /**
     * What became of the message that told the person how their request ended, when it has not reached them ({@link
     * MessageFate}): a sent (or closed) request's answer, unless the person downloaded it, its link held in the outbox (as its console page and the queue say, {@link
     * RequestView#answerHeld}) or undelivered; a deemed refusal's notice of the remedies, the same. Null when it reached
     * them, is on its way, or for any other status: the person's own page then does not tell them it was sent.
     */
    @Transactional(readOnly = true)
    public MessageFate fate(RightsRequest request) {
        var ids = List.of(request.id());
        return switch (request.status()) {
            // closing is the officer's bookkeeping: it does not deliver an answer that was neither sent nor downloaded
            case SENT, CLOSED -> notice.answerFates(ids).get(request.id());
            case DEEMED_REFUSED ->
                notice.fates(RequestClock.DEEMED_REFUSAL, ids).get(request.id());
            default -> null;
        };
    }

    /**
     * The request as a reader with these roles may see it: the person in charge, delegates and staff (who work
     * requests: they search systems with the identifiers and confirm customer numbers) see identifiers in clear; anyone
     * else, auditors included, sees them masked and staff proofs without their reason ({@link RightsRequest#masked()}).
     */
    @Transactional(readOnly = true)
    /** The references of these requests (those that exist), by id. */
    public java.util.Map<UUID, String> referencesOf(java.util.Collection<UUID> ids) {
        return store.referencesOf(ids);
    }

    /**
     * Which of these requests had their personal information destroyed at the end of their retention period (so that a
     * module keeping something about them destroys it too).
     */
    @Transactional(readOnly = true)
    public Set<UUID> purgedAmong(java.util.Collection<UUID> ids) {
        return store.purgedAmong(ids);
    }

    /** The request a reference names ("R-2026-00042", case and spaces as staff type them), if there is one. */
    public java.util.Optional<UUID> idOf(String reference) {
        var parsed = ca.gardien.shared.References.parse(reference);
        return parsed == null ? java.util.Optional.empty() : store.idOf(parsed);
    }

    /**
     * One request as {@code reader} with these roles may see it: identifiers in clear for those who work requests, each
     * such view recorded as the console's is ({@link RequestFacts#viewed}); masked for anyone else.
     */
    @Transactional
    public RightsRequest read(UUID id, ca.gardien.shared.Actor reader, Set<Role> roles) {
        var request = get(id);
        if (!RequestRoles.works(roles)) {
            return request.masked();
        }
        facts.viewed(request, reader);
        return request;
    }

    /** Requests by due date, soonest first, optionally filtered; identifier values hidden. */
    @Transactional(readOnly = true)
    public List<RightsRequest> list(RequestStatus status, RequestType type) {
        return store.list(status, type, MAX_LIST).stream()
                .map(RightsRequest::withoutIdentifierValues)
                .toList();
    }
}
