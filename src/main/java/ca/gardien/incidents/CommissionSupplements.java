package ca.gardien.incidents;

import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Supplementary information sent to the Commission after its first notice (Reg. s. 3, last paragraph), on a closed
 * entry too: the Commission may ask for more once the entry is closed (reviewers); nothing else of a closed entry
 * changes. An entry holds at most {@code gardien.incidents.max-supplements} of them: each is listed on its page and
 * kept five years (attacker's review: 1,000 were accepted and the page grew to 3.2 MB).
 */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class CommissionSupplements {

    private final Incidents incidents;
    private final IncidentPersonStore store;
    private final IncidentFacts facts;
    private final IncidentChecks checks;
    private final IncidentsProperties properties;
    private final Clock clock;

    CommissionSupplements(
            Incidents incidents,
            IncidentPersonStore store,
            IncidentFacts facts,
            IncidentChecks checks,
            IncidentsProperties properties,
            Clock clock) {
        this.incidents = incidents;
        this.store = store;
        this.facts = facts;
        this.checks = checks;
        this.properties = properties;
        this.clock = clock;
    }

    /**
     * Records a supplement sent on {@code sentOn} (between the first notice's day and today); the one recorded. The
     * entry's row is held until the end, so that two at once cannot both pass the limit.
     */
    @Transactional
    public IncidentPersonStore.Supplement record(UUID id, LocalDate sentOn, String information, Actor actor) {
        store.lockEntry(id);
        var current = incidents.get(id);
        if (current.caiNoticeOn() == null) {
            throw new ConflictException("incidents.conflict.no-cai-notice");
        }
        if (store.supplements(id).size() >= properties.maxSupplements()) { // as the measures' limit
            throw new ConflictException("incidents.supplements.too-many", properties.maxSupplements());
        }
        var errors = new ArrayList<FieldError>();
        RiskAssessment.text(errors, "information", information, true);
        if (sentOn == null) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.required"));
        } else if (sentOn.isAfter(checks.today())) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.future"));
        } else if (sentOn.isBefore(current.caiNoticeOn())) {
            errors.add(FieldError.of("sentOn", "incidents.invalid.before-cai-notice"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var supplement = new IncidentPersonStore.Supplement(
                UUID.randomUUID(), sentOn, information.strip(), clock.instant(), actor.kind() + ":" + actor.id());
        store.addSupplement(id, supplement);
        facts.record(
                "supplement-recorded",
                id,
                actor,
                Map.of(
                        "caiNoticeOn", current.caiNoticeOn().toString(),
                        "sentOn", sentOn.toString(),
                        "informationSha256", Digests.sha256Hex(supplement.information())));
        return supplement;
    }

    /**
     * Why the first notice to the Commission cannot become {@code caiNoticeOn} (null: cleared): not after the earliest
     * supplement, nor cleared once one was sent (attacker's review); empty when it can.
     */
    java.util.Optional<FieldError> firstNoticeRefused(UUID id, LocalDate caiNoticeOn) {
        var supplements = store.supplements(id); // oldest first
        if (supplements.isEmpty()) {
            return java.util.Optional.empty();
        }
        var first = supplements.getFirst().sentOn();
        if (caiNoticeOn == null) {
            return java.util.Optional.of(
                    FieldError.of("caiNoticeOn", "incidents.invalid.cai-notice-supplemented", first));
        }
        return caiNoticeOn.isAfter(first)
                ? java.util.Optional.of(FieldError.of("caiNoticeOn", "incidents.invalid.cai-after-supplement", first))
                : java.util.Optional.empty();
    }

    /** The supplements recorded, oldest first. */
    @Transactional(readOnly = true)
    public List<IncidentPersonStore.Supplement> all(UUID id) {
        incidents.get(id);
        return store.supplements(id);
    }
}
