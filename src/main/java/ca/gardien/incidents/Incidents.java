package ca.gardien.incidents;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The register of confidentiality incidents. Every change is checked whole before anything is written, happens in one
 * transaction and is a ledger fact.
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class Incidents {

    private final IncidentStore store;
    private final IncidentFacts facts;
    private final Inventory inventory;
    private final IncidentsProperties properties;
    private final IncidentChecks checks;
    private final AccountViews accounts;
    private final IncidentDeliveries deliveries;
    private final IncidentReferences references;
    private final Clock clock;

    Incidents(
            IncidentStore store,
            IncidentFacts facts,
            Inventory inventory,
            IncidentsProperties properties,
            IncidentChecks checks,
            AccountViews accounts,
            IncidentDeliveries deliveries,
            IncidentReferences references,
            Clock clock) {
        this.references = references;
        this.deliveries = deliveries;
        this.checks = checks;
        this.accounts = accounts;
        this.store = store;
        this.facts = facts;
        this.inventory = inventory;
        this.properties = properties;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public Incident get(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("incidents.object.incident", id));
    }

    @Transactional(readOnly = true)
    public List<Incident> all() {
        return store.all();
    }

    /** The entry if the caller may read it; the same "not found" for one that exists and one that does not. */
    @Transactional(readOnly = true)
    public Incident get(UUID id, IncidentCaller caller) {
        return store.find(id)
                .filter(caller::reads)
                .orElseThrow(() -> new NotFoundException("incidents.object.incident", id));
    }

    /** The entries the caller may read (a staff member: those assigned to them). */
    @Transactional(readOnly = true)
    public List<Incident> all(IncidentCaller caller) {
        return store.all().stream().filter(caller::reads).toList();
    }

    /**
     * Hands the entry to an account that handles incidents (an active staff member, delegate or person in charge), or
     * to nobody in particular ({@code accountId} null).
     */
    @Transactional
    public Incident assign(UUID id, UUID accountId, Actor actor) {
        var current = open(id);
        if (accountId != null && !accounts.isActive(accountId, Role.STAFF, Role.DELEGATE, Role.PRIVACY_OFFICER)) {
            throw new InvalidInputException("accountId", "incidents.invalid.assignee");
        }
        store.update(current.assigned(accountId));
        facts.record("assigned", id, actor, Map.of("accountId", String.valueOf(accountId)));
        return get(id);
    }

    public Promptness promptness(Incident incident) {
        return Promptness.of(incident, clock.instant(), properties);
    }

    /** What {@link #record} would refuse in these details, nothing written: a form's other mistakes, said at once. */
    @Transactional(readOnly = true)
    public java.util.List<ca.gardien.shared.FieldError> mistakes(IncidentDetails details) {
        return checks.mistakes(details);
    }

    @Transactional
    public Incident record(IncidentDetails details, Actor actor) {
        checks.check(details);
        var now = clock.instant();
        // kept from the day of awareness in the organization's zone, not in the offset given or stored (UTC)
        var incident = Incident.blank(
                        UUID.randomUUID(),
                        references.next(now),
                        now,
                        actor.kind().name().toLowerCase(Locale.ROOT) + ":" + actor.id())
                .describedAs(details, checks.day(details.awareAt()).plus(properties.retention()));
        store.insert(incident);
        facts.record("recorded", incident.id(), actor, IncidentChecks.payload(incident));
        return incident;
    }

    @Transactional
    public Incident describe(UUID id, IncidentDetails details, Actor actor) {
        var current = open(id);
        checks.check(details);
        var changed = current.describedAs(
                details,
                laterOf(current.retainUntil(), checks.day(details.awareAt()).plus(properties.retention())));
        store.update(changed);
        facts.record("described", id, actor, IncidentChecks.payload(changed));
        return get(id);
    }

    @Transactional
    public Incident assess(UUID id, RiskAssessment.Answers answers, Actor actor) {
        var current = open(id);
        var assessment = RiskAssessment.conclude(answers, today(), clock.instant());
        store.update(current.withAssessment(assessment));
        facts.record("assessed", id, actor, IncidentChecks.payload(assessment));
        return get(id);
    }

    /**
     * Closes the entry once the register holds what s. 7 asks: the information concerned (or why it cannot be
     * described), the number of persons, the kind, the assessment, at least one measure, and, when there is a risk of
     * serious injury, the notice dates or a recorded reason for their absence.
     */
    @Transactional
    public Incident close(UUID id, Actor actor) {
        var current = open(id);
        var missing = missingForClosing(current);
        if (!missing.isEmpty()) {
            throw new InvalidInputException(missing);
        }
        var closed = current.closed(clock.instant());
        store.update(closed);
        facts.record("closed", id, actor, Map.of("serious", String.valueOf(closed.serious())));
        return get(id);
    }

    /** What closing still needs, as field errors (empty when the entry may be closed). */
    public List<FieldError> missingForClosing(Incident incident) {
        var errors = missingFields(incident);
        var delivered = deliveries.all(incident.id());
        if (!incident.publicNotice()
                && incident.noNoticeReason() == null
                && IncidentDeliveries.counts(delivered).undelivered() > 0) {
            // a person whose notice bounced was not reached: a public notice, or the reason there is none
            errors.add(FieldError.of("publicNotice", "incidents.close.undelivered"));
        }
        if (deliveries.addressesKept(incident.id())) {
            // addresses found and neither sent nor erased (nor their notices recorded as transmitted, while held in the
            // outbox): closing would leave them kept with nothing left to do
            errors.add(FieldError.of("persons", "incidents.close.addresses-held"));
        }
        return errors;
    }

    static List<FieldError> missingFields(Incident incident) {
        var errors = new ArrayList<FieldError>();
        if (incident.kind() == null) {
            errors.add(FieldError.of("kind", "incidents.close.kind"));
        }
        if (incident.piDescription() == null && incident.piUnknownReason() == null) {
            errors.add(FieldError.of("piDescription", "incidents.close.pi-description"));
        }
        if (incident.personsCount() == null) {
            errors.add(FieldError.of("personsCount", "incidents.close.persons-count"));
        }
        if (incident.assessment() == null) {
            errors.add(FieldError.of("assessment", "incidents.close.assessment"));
        }
        if (incident.measures().isEmpty()) {
            errors.add(FieldError.of("measures", "incidents.close.measures"));
        }
        if (incident.noNoticeReason() == null) {
            for (var notice : incident.unsentNotices()) {
                errors.add(
                        switch (notice) {
                            case COMMISSION -> FieldError.of("caiNoticeOn", "incidents.close.cai-notice");
                            case PERSONS -> FieldError.of("personsNoticeOn", "incidents.close.persons-notice");
                        });
            }
        }
        return errors;
    }

    /** Deletes an entry whose keeping period is over; earlier it is refused (at least 5 years after awareness). */
    @Transactional
    public void delete(UUID id, Actor actor) {
        var current = get(id);
        if (today().isBefore(current.retainUntil())) {
            throw new ConflictException(
                    "incidents.conflict.retained", current.retainUntil().toString());
        }
        store.delete(id);
        facts.record(
                "deleted",
                id,
                actor,
                Map.of("retainUntil", current.retainUntil().toString()));
    }

    LocalDate today() {
        return checks.today();
    }

    /** The entry, refused when closed. */
    Incident open(UUID id) {
        var incident = get(id);
        if (incident.status() == IncidentStatus.CLOSED) {
            throw new ConflictException("incidents.conflict.closed");
        }
        return incident;
    }

    private static LocalDate laterOf(LocalDate a, LocalDate b) {
        return a.isAfter(b) ? a : b;
    }

    /** The data map's view of the chosen systems and categories, for the guided assessment and the estimate. */
    public Estimate estimate(List<String> systems, List<String> categories) {
        return Estimate.from(inventory.current(), systems, categories);
    }
}
