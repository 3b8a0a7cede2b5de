package ca.gardien.requests;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FileNames;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.RateLimitedException;
import ca.gardien.shared.RateLimits;
import ca.gardien.shared.References;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Receives rights requests (API, portal, or entered by staff from a letter or a call), starts the statutory clock,
 * flags duplicates, acknowledges receipt and sends a one-time code to every identifier that can take one.
 */
@Service
public class RequestIntake {

    static final String FORM_PER_ADDRESS = "requests.form-per-address";
    static final String FORM_PER_IDENTIFIER = "requests.form-per-identifier";

    private final RequestStore store;
    private final DocumentStore documents;
    private final Deadlines deadlines;
    private final Inventory inventory;
    private final IntakeChecks checks;
    private final IntakeNotices notices;
    private final KeyedDigest key;
    private final RequestFacts facts;
    private final RateLimits limits;
    private final RequestsProperties properties;
    private final References references;
    private final Clock clock;

    RequestIntake(
            RequestStore store,
            DocumentStore documents,
            Deadlines deadlines,
            Inventory inventory,
            IntakeChecks checks,
            IntakeNotices notices,
            @Qualifier(RequestsConfiguration.KEY) KeyedDigest key,
            RequestFacts facts,
            RateLimits limits,
            RequestsProperties properties,
            References references,
            Clock clock) {
        this.store = store;
        this.documents = documents;
        this.deadlines = deadlines;
        this.inventory = inventory;
        this.checks = checks;
        this.notices = notices;
        this.key = key;
        this.facts = facts;
        this.limits = limits;
        this.properties = properties;
        this.references = references;
        this.clock = clock;
    }

    /** A file received with a request (a scanned letter, a mandate). */
    public record Upload(String mediaType, byte[] content, String fileName) {

        /** The file's name as its uploader's system gave it, cleaned ({@link FileNames}); null when none. */
        public Upload {
            fileName = FileNames.clean(fileName);
        }

        public Upload(String mediaType, byte[] content) {
            this(mediaType, content, null);
        }
    }

    /**
     * Receives a request now (API or portal).
     *
     * @throws InvalidInputException naming every bad field
     */
    @Transactional
    public RightsRequest submit(NewRequest request, Actor actor) {
        if (request.receivedAt() != null) {
            throw new InvalidInputException("receivedAt", "requests.field.received-at-staff-only");
        }
        return receive(request, null, actor, null, false);
    }

    /** As {@link #submit}, in a transaction of its own, but through the API: no client says it came by the portal. */
    @Transactional
    public RightsRequest submitByApi(NewRequest request, Actor actor) {
        if ("PORTAL".equalsIgnoreCase(String.valueOf(request.channel()).strip())) {
            throw new InvalidInputException("channel", "requests.field.channel-portal");
        }
        return submit(request, actor);
    }

    /**
     * Receives a request from the public form, within its abuse limits: so many requests per client address (beyond,
     * refused: nothing is written or sent), and so many messages per email or phone whatever the address (beyond, the
     * request is received all the same, without its acknowledgement and codes, so that nobody can stop a person's
     * requests by spending the quota, and the answer does not tell whether an address was used). A request is counted
     * once it is valid, so a typo does not use up the quota.
     *
     * @param clientAddress the client's address as the servlet container reports it
     * @throws InvalidInputException naming every bad field
     * @throws ca.gardien.shared.RateLimitedException when the address's limit is reached
     */
    @Transactional
    public RightsRequest submitPublic(NewRequest request, Actor actor, String clientAddress) {
        if (request.receivedAt() != null) {
            throw new InvalidInputException("receivedAt", "requests.field.received-at-staff-only");
        }
        return receive(request, null, actor, RateLimits.addressKey(clientAddress), false);
    }

    /** The ways a request entered by staff came in. */
    static final List<String> ENTERED = List.of("MAIL", "PHONE");

    /**
     * Staff enter a request received by mail or phone, with the scanned letter when there is one; the person's name
     * with a postal address may stand for the identifiers ({@link NewRequest#byPostOnly}).
     */
    @Transactional
    public RightsRequest enter(NewRequest request, Upload letter, Actor actor) {
        if (request.receivedAt() != null && request.receivedAt().isAfter(clock.instant())) {
            throw new InvalidInputException("receivedAt", "shared.field.not-future");
        }
        if (!ENTERED.contains(String.valueOf(request.channel()).strip().toUpperCase(java.util.Locale.ROOT))) {
            throw new InvalidInputException("channel", "shared.field.one-of", ENTERED); // a letter or a call
        }
        return receive(request, letter, actor, null, true);
    }

    /**
     * Cancels an open request (withdrawn by the person, or entered by mistake). No message goes to the person: the
     * console's question says so, and staff tell the person themselves when they should know.
     */
    @Transactional
    public RightsRequest cancel(UUID id, Actor actor) {
        return cancel(id, actor, Map.of());
    }

    /** The same, the fact recording {@code payload} besides (the note that gives the reason, {@link RequestWork}). */
    @Transactional
    RightsRequest cancel(UUID id, Actor actor, Map<String, String> payload) {
        var request = store.find(id).orElseThrow(() -> new NotFoundException("requests.object.request", id));
        RequestSteps.move(store, facts, request, RequestStatus.CANCELLED, actor, payload, clock.instant());
        return store.find(id).orElseThrow();
    }

    /**
     * @param publicAddress the client's address key for a request from the public form; null otherwise
     * @param entered entered by staff: a letter that gives only a name and a postal address is accepted
     */
    private RightsRequest receive(NewRequest input, Upload letter, Actor actor, String publicAddress, boolean entered) {
        checks.check(input, letter, entered);
        var type = NewRequest.parse(RequestType.class, input.type());
        var jurisdiction = deadlines.known(input.jurisdiction()); // checked: it offers the type
        String withheldBy = null; // the limit that holds the request's messages back, if any
        if (publicAddress != null) {
            var quotas = properties.limits();
            limits.consume(FORM_PER_ADDRESS, quotas.formPerAddress(), publicAddress);
            try {
                for (var digest : input.identifiers(properties.phoneRegion()).stream()
                        .map(key::digest) // the limiter sees keyed digests only, in one order (no lock cycles)
                        .sorted()
                        .toList()) {
                    limits.consume(FORM_PER_IDENTIFIER, quotas.formPerIdentifier(), digest);
                }
            } catch (RateLimitedException e) {
                withheldBy = e.limit(); // received all the same: only its messages are held back
            }
        }
        var request = newRequest(input, type, jurisdiction);
        var rows = rows(request.id(), input.identifiers(properties.phoneRegion()));
        store.insert(request, rows);
        if (letter != null) {
            var doc = documents.insert(request.id(), "LETTER", letter, clock.instant());
            facts.record("letter-filed", request.id(), actor, Map.of("sha256", doc.sha256(), "size", "" + doc.size()));
        }
        facts.record("received", request.id(), actor, RequestFacts.received(request, rows));
        facts.publish(new RequestEvents.RequestReceived(request.id(), type, jurisdiction, request.dueOn()));
        notices.send(request, rows, actor, withheldBy);
        return store.find(request.id()).orElseThrow();
    }

    private RightsRequest newRequest(NewRequest input, RequestType type, String jurisdiction) {
        var receivedAt = input.receivedAt() == null ? clock.instant() : input.receivedAt();
        var receivedOn = deadlines.dayOf(jurisdiction, receivedAt);
        var deadline = deadlines.compute(jurisdiction, receivedOn);
        var scope = Scope.of(inventory.current(), input.subjectCategory());
        var id = UUID.randomUUID();
        UUID duplicate = null;
        for (var identifier : input.identifiers(properties.phoneRegion())) {
            var found = store.openDuplicate(type, identifier.kind(), key.storedDigests(identifier));
            if (found.isPresent()) {
                duplicate = found.get();
                break;
            }
        }
        return new RightsRequest(
                id,
                references.next("R", "requests_reference_seq", receivedOn.getYear()),
                type,
                RequestStatus.RECEIVED,
                jurisdiction,
                NewRequest.parse(RightsRequest.Channel.class, input.channel()),
                input.language() == null ? "fr" : input.language(),
                input.subjectCategory(),
                input.details(),
                input.addressee() == null
                        ? null
                        : Addressee.of(
                                input.addressee().name(), input.addressee().postalAddress()),
                NewRequest.parse(RightsRequest.Representative.class, input.representative()),
                scope.sensitive() ? RightsRequest.Review.PENDING : RightsRequest.Review.NOT_REQUIRED,
                RightsRequest.Review.NOT_REQUIRED,
                receivedAt,
                deadline.dueOn(),
                deadline.extendedDueOn(),
                duplicate,
                List.of(),
                null,
                null,
                0);
    }

    private List<IdentifierRow> rows(UUID requestId, List<SubjectIdentifier> identifiers) {
        return identifiers.stream()
                .map(i -> new IdentifierRow(
                        requestId, i.kind(), i.value(), key.digest(i), null, null, null, null, 0, null, null, 0))
                .toList();
    }
}
