package ca.gardien.requests;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The read models of rights requests for the console: the queue and one request with what its reader may do. */
@Service
@NamedInterface("views")
public class RequestViews {

    static final int TIMELINE = 500;

    private final Requests requests;
    private final TaskStore tasks;
    private final ResponseStore responses;
    private final DocumentStore documents;
    private final EvidenceLedger ledger;
    private final Outbox outbox;
    private final Deadlines deadlines;
    private final RequestFacts facts;
    private final RequestNotes notes;
    private final Clock clock;
    private final QueueStore store;
    private final OpenRequests open;
    private final AccessPackage packages;
    private final AnswerNotice notice;

    RequestViews(
            Requests requests,
            TaskStore tasks,
            ResponseStore responses,
            DocumentStore documents,
            EvidenceLedger ledger,
            Outbox outbox,
            Deadlines deadlines,
            RequestFacts facts,
            RequestNotes notes,
            Clock clock,
            QueueStore store,
            OpenRequests open,
            AccessPackage packages,
            AnswerNotice notice) {
        this.notice = notice;
        this.requests = requests;
        this.tasks = tasks;
        this.responses = responses;
        this.documents = documents;
        this.ledger = ledger;
        this.outbox = outbox;
        this.deadlines = deadlines;
        this.facts = facts;
        this.notes = notes;
        this.clock = clock;
        this.store = store;
        this.open = open;
        this.packages = packages;
    }

    /** The references of these requests (those that exist), by id: the ledger names requests by them. */
    public Map<UUID, String> referencesOf(java.util.Collection<UUID> ids) {
        return requests.referencesOf(ids);
    }

    /** The request a reference names ("r-2026-42", as staff type it), if there is one. */
    public java.util.Optional<UUID> idOf(String reference) {
        return requests.idOf(reference);
    }

    /** The time zone of a jurisdiction's profile: a request's times are shown in it, as its days are counted. */
    public java.time.ZoneId zone(String jurisdiction) {
        return deadlines.zone(jurisdiction);
    }

    /** The jurisdiction profiles a request may be entered under (the officer entry form's choices), sorted. */
    public List<String> jurisdictions() {
        return deadlines.jurisdictions().stream().sorted().toList();
    }

    /** The jurisdiction profile the officer's entry form starts on ({@link Deadlines#primary}), or null for none. */
    public String primaryJurisdiction() {
        return deadlines.primary();
    }

    /** The jurisdictions under which a type may be asked, sorted: all of them but for an erasure (GDPR, CCPA). */
    public List<String> jurisdictionsOffering(RequestType type) {
        return jurisdictions().stream().filter(j -> deadlines.allows(j, type)).toList();
    }

    /**
     * One page of the queue. The requester is shown in clear only to roles that work requests, and only they may search
     * by requester (for anyone else the search matches the reference only). A sent or closed request whose answer's
     * message waits in the outbox is marked {@code answerHeld}, one whose message came back {@code answerUndelivered};
     * {@link QueueQuery#heldOnly} keeps only the held, the status SENT alone leaves them and the undelivered out.
     */
    public ca.gardien.shared.Listing.Page<QueueQuery.Row> page(QueueQuery query, Set<Role> roles) {
        var inClear = RequestRoles.works(roles);
        var among = query.heldOnly() ? notice.held() : null;
        // "sent" lists the answers that went: held and undelivered ones are left out (one outbox read)
        var sentOnly = !query.heldOnly() && query.statuses().equals(Set.of(RequestStatus.SENT));
        var unreached = sentOnly ? notice.unreached() : Set.<UUID>of();
        // the requester is read as KIND:value; the page shows the value, masked unless the reader works requests
        var stored = among != null && among.isEmpty()
                ? List.<QueueQuery.Row>of()
                : store.page(query, inClear, among, unreached);
        // a sent (or closed) answer whose message waits in the outbox, or came back undelivered: read for the page's
        // rows at once, never per row (only answered requests have that message); the filters' rows are all held, or
        // all reached
        var ids = stored.stream().map(QueueQuery.Row::id).toList();
        var fates = among != null || sentOnly ? Map.<UUID, MessageFate>of() : notice.answerFates(ids);
        var rows = stored.stream()
                .map(r -> r.shown(
                        requester(r.requester(), inClear), among != null ? MessageFate.HELD : fates.get(r.id())))
                .toList();
        return ca.gardien.shared.Listing.Page.of(rows, query.size(), r -> r.keyset(query.sort()));
    }

    /** How many answers have not left ({@link QueueQuery#HELD}), with every channel's sender configured or not. */
    public int heldCount() {
        return notice.held().size();
    }

    /** Open requests counted by due date, for the burn-down. */
    public Map<LocalDate, Integer> openByDueDate() {
        return open.byDueDate();
    }

    /** Today in a request's jurisdiction (its days left count from that day). */
    public LocalDate today(String jurisdiction) {
        return deadlines.dayOf(jurisdiction, clock.instant());
    }

    /** Today in the filing jurisdiction ({@link Deadlines#filing}): the day the queue's filters and burn-down count from. */
    public LocalDate today() {
        return today(deadlines.filing());
    }

    /** The profile the public form files requests under ({@link Deadlines#filing}). */
    public String publicJurisdiction() {
        return deadlines.filing();
    }

    private static String requester(String kindAndValue, boolean inClear) {
        if (kindAndValue == null) {
            return null;
        }
        if (kindAndValue.startsWith(
                QueueQuery.Row.NAME)) { // a name is shown with the identifiers in clear, never masked
            return inClear ? kindAndValue.substring(QueueQuery.Row.NAME.length()) : null;
        }
        int colon = kindAndValue.indexOf(':');
        var value = kindAndValue.substring(colon + 1);
        if (inClear) {
            return value;
        }
        var kind = java.util.Arrays.stream(ca.gardien.shared.IdentifierKind.values())
                .filter(k -> k.name().equals(kindAndValue.substring(0, Math.max(colon, 0))))
                .findFirst()
                .orElse(ca.gardien.shared.IdentifierKind.CUSTOMER);
        return ca.gardien.shared.SubjectIdentifier.masked(kind, value);
    }

    /** The day it is now in the request's jurisdiction, against which its days left are counted. */
    public LocalDate today(RightsRequest request) {
        return deadlines.dayOf(request.jurisdiction(), clock.instant());
    }

    /**
     * One request as a reader with these roles sees it: identifiers in clear for those who work requests and masked
     * for anyone else (least exposure), and the steps these roles may take in the request's status. Each display of
     * identifiers in clear is recorded ({@code requests.identifiers-viewed}, with their kinds, never their values), the
     * name and postal address entered for a paper answer among them ({@code NAME}, {@code POSTAL_ADDRESS}).
     */
    @Transactional
    public RequestView of(UUID id, Actor reader, Set<Role> roles) {
        var stored = requests.get(id);
        var inClear = RequestRoles.works(roles);
        var request = inClear ? stored : stored.masked();
        if (inClear) {
            facts.viewed(stored, reader);
        }
        var working = inClear && stored.purgedAt() == null; // notes and files: for those who work requests
        var purgedOn = stored.purgedAt() == null ? null : deadlines.dayOf(stored.jurisdiction(), stored.purgedAt());
        var requestTasks = tasks.of(id);
        var response = responses.find(id).orElse(null);
        var timeline = RequestTimeline.folded(ledger.about("request", id.toString(), TIMELINE).stream()
                .map(e -> new RequestView.TimelineEntry(
                        e.sequence(),
                        e.occurredAt(),
                        e.action(),
                        e.actor().kind() + ":" + e.actor().id(),
                        e.payload(),
                        1))
                .toList());
        var messages = outbox.about(id.toString());
        return new RequestView(
                request,
                today(stored),
                purgedOn,
                RequestRoles.allowed(
                        stored,
                        roles,
                        documents.of(id).stream().anyMatch(d -> "LETTER".equals(d.kind())),
                        requestTasks.stream().allMatch(RequestTask::done)),
                requestTasks,
                pendingDocuments(id),
                response,
                messages,
                stored.linkTo() != null && notice.holds(stored.linkTo()),
                notice.held(AnswerNotice.last(messages)),
                stored.linkTo() != null
                        && !responses.downloadedAmong(List.of(id)).isEmpty(),
                timeline,
                working ? notes.notes(id) : List.of(),
                working ? notes.files(id) : List.of(),
                working ? packages.recorded(id) : Map.of(),
                emptyFound(stored, requestTasks),
                working && response != null ? packages.documents(stored, response) : List.<String>of());
    }

    /** Tasks completed as found from which the package would hold nothing: the officer is warned before sending. */
    private List<String> emptyFound(RightsRequest request, List<RequestTask> requestTasks) {
        if (!request.type().releasesData() || request.purgedAt() != null) {
            return List.of();
        }
        var inPackage = packages.found(request).keySet();
        return requestTasks.stream()
                .filter(t -> t.done() && "FOUND".equals(t.outcome()) && !inPackage.contains(t.systemId()))
                .map(RequestTask::systemId)
                .toList();
    }

    /** Representatives' documents filed and not yet reviewed. */
    private List<UUID> pendingDocuments(UUID id) {
        return documents.of(id).stream()
                .filter(d -> "MANDATE".equals(d.kind()) && "PENDING".equals(d.status()))
                .map(DocumentStore.Document::id)
                .toList();
    }
}
