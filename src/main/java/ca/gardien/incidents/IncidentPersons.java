package ca.gardien.incidents;

import ca.gardien.connectors.PersonCensus;
import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.Listing;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persons an incident concerns, found through the organization's connectors, and their notices. Gardien keeps only
 * the address (sealed) and the language, and erases it once the notice actually leaves through the mail server (not
 * when queued: it may stay held), the officer records how the notices were transmitted, or marks them done. Every step
 * is a ledger fact with counts and digests, never an address.
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class IncidentPersons {

    static final String NOTICE_TEMPLATE = "incidents.persons-notice";

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentPersonStore store;
    private final IncidentFacts facts;
    private final PersonCensus census;
    private final Outbox outbox;
    private final NoticeDocuments documents;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final IncidentDeliveries deliveries;
    private final PersonsKeys personsKeys;
    private final ca.gardien.mail.OutboxViews views;

    IncidentPersons(
            Incidents incidents,
            IncidentNotices notices,
            IncidentPersonStore store,
            IncidentFacts facts,
            PersonCensus census,
            Outbox outbox,
            NoticeDocuments documents,
            Clock clock,
            org.springframework.transaction.support.TransactionTemplate transactions,
            IncidentDeliveries deliveries,
            PersonsKeys personsKeys,
            ca.gardien.mail.OutboxViews views) {
        this.views = views;
        this.personsKeys = personsKeys;
        this.deliveries = deliveries;
        this.transactions = transactions;
        this.incidents = incidents;
        this.notices = notices;
        this.store = store;
        this.facts = facts;
        this.census = census;
        this.outbox = outbox;
        this.documents = documents;
        this.clock = clock;
    }

    /** What a search found: the table's distinct addresses, those in the window or keys, and the persons now held. */
    public record Found(long inTable, int found, int held) {}

    /**
     * Which rows of which table of which connector hold the persons concerned: {@code emailColumn} holds their
     * addresses; either {@code timeColumn} with {@code from} (inclusive) and {@code to} (exclusive), or {@code
     * keyColumn} with {@code keys}; {@code languageColumn} is optional, {@code defaultLanguage} ({@code fr} or {@code
     * en}) is the notice's language when the table has none.
     */
    public record Search(
            String connector,
            String table,
            String emailColumn,
            String languageColumn,
            String timeColumn,
            Instant from,
            Instant to,
            String keyColumn,
            List<String> keys,
            String defaultLanguage) {}

    /** Counts the persons of one table of a connector and keeps those in the window or keys. */
    public Found find(UUID id, Search search, Actor actor) {
        var query = new PersonCensus.Query(
                search.connector(),
                search.table(),
                search.emailColumn(),
                search.languageColumn(),
                search.timeColumn(),
                search.from(),
                search.to(),
                search.keyColumn(),
                search.keys());
        var defaultLanguage = search.defaultLanguage();
        incidents.open(id);
        var language = defaultLanguage == null || defaultLanguage.isBlank()
                ? Language.FRENCH
                : Language.byCode(defaultLanguage)
                        .orElseThrow(() -> new InvalidInputException("defaultLanguage", "incidents.invalid.language"));
        // the target is read outside any transaction of Gardien's: a slow target holds none of Gardien's connections
        var result = census.count(query, actor);
        return transactions.execute(s -> held(id, query, language, result, actor));
    }

    private Found held(UUID id, PersonCensus.Query query, Language language, PersonCensus.Result result, Actor actor) {
        store.lockEntry(id);
        var now = clock.instant();
        var already = new java.util.HashSet<String>(); // a search repeated adds nobody twice
        var open = personsKeys.opener(id);
        store.all(id).stream()
                .filter(r -> r.sealedEmail() != null)
                .forEach(r -> already.add(open.apply(r.sealedEmail())));
        var key = personsKeys.forSealing(id);
        // nor anybody already sent the notice: their address left Gardien's list when it was queued, the outbox keeps
        // the message (until the mail module's purge)
        outbox.about(id.toString()).stream()
                .filter(m -> NOTICE_TEMPLATE.equals(m.template()))
                .forEach(m -> already.add(m.recipient()));
        for (var person : result.persons()) {
            var address = census.open(person.sealedEmail());
            if (!already.add(address)) {
                continue;
            }
            store.add(
                    id,
                    key.seal(address),
                    person.language() == null ? language.code() : person.language(),
                    query.connector(),
                    now);
        }
        personsKeys.forgetWhenEmpty(id); // a search that holds nobody keeps no key
        var held = (int)
                store.all(id).stream().filter(r -> r.sealedEmail() != null).count();
        var payload = new LinkedHashMap<String, String>();
        payload.put("connector", query.connector());
        payload.put("tableSha256", Digests.sha256Hex(query.table()));
        payload.put("inTable", String.valueOf(result.inTable()));
        payload.put("found", String.valueOf(result.persons().size()));
        payload.put("window", query.from() == null ? "keys" : query.from() + "/" + query.to());
        facts.record("persons-found", id, actor, payload);
        return new Found(result.inTable(), result.persons().size(), held);
    }

    /**
     * Queues the notice to each person found, in the person's language, one outbox message each. Each address stays
     * (for the mailing file) until its message actually leaves through the mail server: then it is erased and the
     * persons' notice is dated in the register the day the first one is sent ({@link PersonsNoticeSent}). One that
     * does not leave (no mail server, or the server did not take it) waits in the outbox, its address kept, until the
     * officer records how the notices were transmitted ({@link PersonsTransmissions}) or sends it from the outbox.
     */
    @Transactional
    public List<IncidentDeliveries.Delivery> notifyAll(UUID id, Actor actor) {
        store.lockEntry(id); // a second send waits, then finds nobody waiting (409)
        var incident = incidents.open(id);
        var pending = store.pending(id);
        if (pending.isEmpty()) {
            throw new ConflictException("incidents.conflict.no-persons");
        }
        boolean held = !views.deliveryConfigured(); // officer's walk of 2026-12-07: "transmitted" while all were held
        var advice = notices.personAdvice(id);
        notices.requireSendable(incident, advice); // never a placeholder in a person's mail (officer's walk)
        var bodies = new java.util.HashMap<String, String>();
        var now = clock.instant();
        var open = personsKeys.opener(id);
        for (var person : pending) {
            var locale = Locale.forLanguageTag(person.language());
            var body = bodies.computeIfAbsent(
                    person.language(), l -> documents.text(NoticeDocuments.Kind.PERSONS, incident, advice, locale));
            var address = open.apply(person.sealedEmail());
            if (address == null) { // the list's key was lost
                throw new ConflictException("problem.conflict.subject-key-gone");
            }
            var messageId = outbox.queue(new Message(
                    Message.Channel.EMAIL,
                    address,
                    NOTICE_TEMPLATE,
                    locale,
                    List.of(body),
                    "incident",
                    id.toString(),
                    true)); // greeted and signed as the organization's other letters to a person
            store.notified(person.id(), messageId, now); // the address stays until it leaves (PersonsNoticeSent)
        }
        personsKeys.forgetWhenEmpty(id);
        var payload = new LinkedHashMap<String, String>();
        payload.put("messages", String.valueOf(pending.size()));
        payload.put("outbox", held ? "held" : "mail-server");
        bodies.forEach((language, body) ->
                payload.put("notice" + language.toUpperCase(Locale.ROOT) + "Sha256", Digests.sha256Hex(body)));
        // the register's date comes from the sending itself (PersonsNoticeSent), or from the transmission the officer
        // records: a notice queued today may leave another day, or never (officer's review)
        facts.record(held ? "persons-notices-held" : "persons-notified", id, actor, payload);
        return deliveries.all(id);
    }

    /** Every person's delivery; a status other than {@code SENT} is a notice not delivered (yet). */
    @Transactional(readOnly = true)
    public List<IncidentDeliveries.Delivery> deliveries(UUID id) {
        incidents.get(id);
        return deliveries.all(id);
    }

    /**
     * The persons whose address is still kept as a mailing file (address, language), for sending outside Gardien:
     * those still to notify and those whose notice has not left the outbox (no mail server, or the server did not take
     * it).
     */
    @Transactional
    public String mailingFile(UUID id, Actor actor) {
        incidents.get(id);
        var pending =
                store.all(id).stream().filter(r -> r.sealedEmail() != null).toList();
        var out = new StringBuilder("email,language\r\n");
        var open = personsKeys.opener(id);
        for (var row : pending) {
            out.append(Listing.quote(open.apply(row.sealedEmail())))
                    .append(',')
                    .append(row.language())
                    .append("\r\n");
        }
        facts.record("mailing-exported", id, actor, Map.of("persons", String.valueOf(pending.size())));
        return out.toString();
    }

    /** The notices are done: erases every address still held; how many (attacker's review: no fact for a no-op). */
    @Transactional
    public int done(UUID id, Actor actor) {
        store.lockEntry(id);
        incidents.open(id); // a closed entry takes no more steps (closing needed every address gone)
        int destroyed = store.destroy(id);
        if (destroyed > 0) {
            personsKeys.forgetWhenEmpty(id);
            facts.record("persons-destroyed", id, actor, Map.of("addresses", String.valueOf(destroyed)));
        }
        return destroyed;
    }
}
