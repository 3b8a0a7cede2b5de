package ca.gardien.incidents;

import ca.gardien.mail.HeldMail;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The persons' notices transmitted outside Gardien's mail server — by post, by a mailing of the organization's own
 * from the mailing file — as the officer records them: the date they left and how. Recording one dates the persons'
 * notice in the register (when not dated yet) and erases the addresses still kept (Law 25: kept no longer than the
 * notices need), and withdraws from the outbox the notices still stored there ({@code Outbox.withdraw}: never sent by
 * Gardien, counted as transmitted). Notices held in the outbox ({@link #held}: no mail server, or stored before one was configured) have
 * not left, so the register is not dated for them (officer's walk of 2026-12-07).
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class PersonsTransmissions {

    /** A transmission recorded: the date the notices left and how, as the officer wrote it. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "IncidentPersonsTransmitted")
    public record Transmitted(UUID id, LocalDate sentOn, String means, Instant recordedAt) {}

    private final Incidents incidents;
    private final IncidentNotices notices;
    private final IncidentPersonStore store;
    private final IncidentFacts facts;
    private final IncidentChecks checks;
    private final PersonsKeys personsKeys;
    private final HeldMail heldMail;
    private final Outbox outbox;
    private final IncidentsProperties properties;
    private final Clock clock;

    PersonsTransmissions(
            Incidents incidents,
            IncidentNotices notices,
            IncidentPersonStore store,
            IncidentFacts facts,
            IncidentChecks checks,
            PersonsKeys personsKeys,
            HeldMail heldMail,
            Outbox outbox,
            IncidentsProperties properties,
            Clock clock) {
        this.properties = properties;
        this.incidents = incidents;
        this.notices = notices;
        this.store = store;
        this.facts = facts;
        this.checks = checks;
        this.personsKeys = personsKeys;
        this.heldMail = heldMail;
        this.outbox = outbox;
        this.clock = clock;
    }

    /**
     * Records that the persons' notices were transmitted on {@code sentOn} by {@code means}; dates the register's
     * persons' notice with it when not dated yet, and erases the addresses still kept; the one recorded. Refused
     * (every field at once) without a date, with a date in the future or before awareness, or without how; and as a
     * conflict on an entry with nobody to notify yet (neither assessed nor any person found: attacker's review, it dated
     * the notice of such an entry) or that already holds {@code gardien.incidents.max-transmissions} of them.
     */
    @Transactional
    public Transmitted record(UUID id, LocalDate sentOn, String means, Actor actor) {
        store.lockEntry(id); // also counts the records against the limit one call at a time
        var incident = incidents.open(id);
        if (incident.assessment() == null && store.all(id).isEmpty()) {
            throw new ConflictException("incidents.conflict.transmitted-nobody");
        }
        if (store.transmitted(id).size() >= properties.maxTransmissions()) { // as the measures' limit
            throw new ConflictException("incidents.transmissions.too-many", properties.maxTransmissions());
        }
        var errors = new ArrayList<FieldError>();
        if (sentOn == null) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.required"));
        } else if (sentOn.isAfter(checks.today())) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.future"));
        } else if (sentOn.isBefore(checks.day(incident.awareAt()))) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.before-awareness"));
        }
        RiskAssessment.text(errors, "means", means, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        int waiting = held(id);
        var recorded =
                store.addTransmitted(id, sentOn, means.strip(), clock.instant(), actor.kind() + ":" + actor.id());
        // not sent by Gardien any more: a mail server configured later must not send them twice (officer's walk)
        int withdrawn = outbox.withdraw("incident", id.toString(), List.of(IncidentPersons.NOTICE_TEMPLATE));
        int erased = store.destroy(id);
        personsKeys.forgetWhenEmpty(id);
        var payload = new LinkedHashMap<String, String>();
        payload.put("sentOn", sentOn.toString());
        payload.put("meansSha256", Digests.sha256Hex(means.strip()));
        payload.put("heldInOutbox", String.valueOf(waiting));
        payload.put("withdrawnFromOutbox", String.valueOf(withdrawn));
        payload.put("addressesErased", String.valueOf(erased));
        facts.record("persons-notice-transmitted", id, actor, payload);
        notices.datePersons(id, sentOn, actor);
        return recorded;
    }

    /** The transmissions recorded, oldest first. */
    @Transactional(readOnly = true)
    public List<Transmitted> all(UUID id) {
        return store.transmitted(id);
    }

    /**
     * How many of the persons' notices have not left and will not by themselves ({@link HeldMail}): queued while no
     * mail server was configured, or stored before one was and not sent since. A notice the server is about to take
     * (within {@code gardien.mail.held-after}) is not held.
     */
    @Transactional(readOnly = true)
    public int held(UUID id) {
        var held = outbox.about(id.toString()).stream()
                .filter(m -> IncidentPersons.NOTICE_TEMPLATE.equals(m.template()) && heldMail.held(m))
                .map(ca.gardien.mail.OutboxMessage::id)
                .collect(java.util.stream.Collectors.toSet());
        return held.isEmpty()
                ? 0
                : (int) store.all(id).stream()
                        .filter(person -> held.contains(person.messageId()))
                        .count();
    }

    /** The held notices not covered by a recorded transmission: what closing should not leave by mistake. */
    @Transactional(readOnly = true)
    public int heldUnrecorded(UUID id) {
        return store.transmitted(id).isEmpty() ? held(id) : 0;
    }
}
