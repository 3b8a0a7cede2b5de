package ca.gardien.incidents;

import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.NotFoundException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * What became of each person's notice: waiting in the outbox, sent, transmitted another way, or undelivered (the mail server refused the
 * address, or a bounce came back). An undelivered notice leaves that person unreached: the entry cannot be closed until
 * a public notice is given or the reason for no notice is recorded (Reg. s. 6: direct notice not possible).
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class IncidentDeliveries {

    /** Outbox statuses of a notice that did not reach its person. */
    static final List<String> UNDELIVERED = List.of("FAILED", "BOUNCED");

    /** Outbox status of a notice recorded transmitted another way: never sent by Gardien. */
    static final String WITHDRAWN = "WITHDRAWN";

    private final IncidentPersonStore store;
    private final Outbox outbox;
    private final IncidentFacts facts;

    IncidentDeliveries(IncidentPersonStore store, Outbox outbox, IncidentFacts facts) {
        this.store = store;
        this.outbox = outbox;
        this.facts = facts;
    }

    /** One person's delivery: the outbox message and its status, never the address. */
    public record Delivery(UUID personId, String language, String connector, UUID messageId, String status) {

        /** The notice did not reach the person (refused or bounced). */
        public boolean undelivered() {
            return UNDELIVERED.contains(status);
        }
    }

    /**
     * How the persons' notices stand: how many persons, sent, still waiting, undelivered (refused or bounced), and
     * transmitted another way (withdrawn from the outbox when the officer recorded the transmission).
     */
    public record Counts(int persons, int sent, int waiting, int undelivered, int transmitted) {}

    @Transactional(readOnly = true)
    public List<Delivery> all(UUID id) {
        var statuses = new HashMap<UUID, String>();
        outbox.about(id.toString()).forEach(m -> statuses.put(m.id(), m.status()));
        var out = new ArrayList<Delivery>();
        for (var row : store.all(id)) {
            var status = row.messageId() == null
                    ? (row.sealedEmail() == null ? "DESTROYED" : "PENDING")
                    : statuses.getOrDefault(row.messageId(), "PURGED");
            out.add(new Delivery(row.id(), row.language(), row.connector(), row.messageId(), status));
        }
        return out;
    }

    /** Whether an address of a person found is still kept: not notified yet, or its notice held in the outbox. */
    @Transactional(readOnly = true)
    public boolean addressesKept(UUID id) {
        return store.all(id).stream().anyMatch(r -> r.sealedEmail() != null);
    }

    @Transactional(readOnly = true)
    public Counts counts(UUID id) {
        return counts(all(id));
    }

    /** The counts of deliveries already read (a page that shows both reads them once). */
    public static Counts counts(List<Delivery> all) {
        return new Counts(
                all.size(),
                (int) all.stream().filter(d -> "SENT".equals(d.status())).count(),
                (int) all.stream()
                        .filter(d -> "STORED".equals(d.status()) || "PENDING".equals(d.status()))
                        .count(),
                (int) all.stream().filter(Delivery::undelivered).count(),
                (int) all.stream().filter(d -> WITHDRAWN.equals(d.status())).count());
    }

    /**
     * Records that a person's notice bounced (the bounce reached the organization's mailbox): only a notice the mail
     * server took ({@code SENT}); one still waiting, refused or already bounced is a conflict.
     */
    @Transactional
    public List<Delivery> bounced(UUID id, UUID personId, Actor actor) {
        var delivery = all(id).stream()
                .filter(d -> d.personId().equals(personId) && d.messageId() != null)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("incidents.object.person", personId));
        if (!"SENT"
                .equals(delivery.status())) { // a notice never sent cannot bounce, nor bounce twice (attacker's review)
            throw new ConflictException(
                    "BOUNCED".equals(delivery.status()) ? "incidents.bounce.already" : "incidents.bounce.not-sent");
        }
        outbox.undelivered(delivery.messageId(), "BOUNCED");
        facts.record(
                "notice-bounced",
                id,
                actor,
                Map.of(
                        "personId",
                        personId.toString(),
                        "messageId",
                        delivery.messageId().toString()));
        return all(id);
    }
}
