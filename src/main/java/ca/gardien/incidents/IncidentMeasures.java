package ca.gardien.incidents;

import ca.gardien.shared.Actor;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The containment, mitigation and prevention measures of an entry (register item 8), each a ledger fact. */
@Service
@org.springframework.modulith.NamedInterface("actions")
public class IncidentMeasures {

    private final Incidents incidents;
    private final IncidentStore store;
    private final IncidentFacts facts;

    IncidentMeasures(Incidents incidents, IncidentStore store, IncidentFacts facts) {
        this.incidents = incidents;
        this.store = store;
        this.facts = facts;
    }

    @Transactional
    public Incident addMeasure(UUID id, NewMeasure measure, Actor actor) {
        var current = incidents.open(id);
        var errors = new ArrayList<FieldError>();
        if (measure.kind() == null) {
            errors.add(FieldError.of("kind", "incidents.invalid.required"));
        }
        RiskAssessment.text(errors, "description", measure.description(), true);
        RiskAssessment.text(errors, "owner", measure.owner(), true);
        if (measure.owner() != null && measure.owner().length() > IncidentChecks.MAX_TITLE) {
            errors.add(FieldError.of("owner", "incidents.invalid.too-long", IncidentChecks.MAX_TITLE));
        }
        if (measure.doneOn() != null && measure.doneOn().isAfter(incidents.today())) {
            errors.add(FieldError.of("doneOn", "incidents.invalid.future"));
        }
        if (measure.dueOn() == null && measure.doneOn() == null) {
            errors.add(FieldError.of("dueOn", "incidents.invalid.measure-date"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var added = new Measure(
                UUID.randomUUID(),
                measure.kind(),
                measure.description().strip(),
                measure.owner().strip(),
                measure.dueOn(),
                measure.doneOn());
        store.update(current);
        store.addMeasure(id, added);
        facts.record(
                "measure-added",
                id,
                actor,
                Map.of(
                        "measureId", added.id().toString(),
                        "kind", added.kind().name(),
                        "dueOn", Objects.toString(added.dueOn(), "none"),
                        "doneOn", Objects.toString(added.doneOn(), "none"),
                        "descriptionSha256", Digests.sha256Hex(added.description())));
        return incidents.get(id);
    }

    @Transactional
    public Incident measureDone(UUID id, UUID measureId, LocalDate doneOn, Actor actor) {
        var current = incidents.open(id);
        if (doneOn == null) {
            throw new InvalidInputException("doneOn", "incidents.invalid.required");
        }
        if (doneOn.isAfter(incidents.today())) {
            throw new InvalidInputException("doneOn", "incidents.invalid.future");
        }
        store.update(current);
        if (!store.markDone(id, measureId, doneOn)) {
            throw new NotFoundException("incidents.object.measure", measureId);
        }
        facts.record("measure-done", id, actor, Map.of("measureId", measureId.toString(), "doneOn", doneOn.toString()));
        return incidents.get(id);
    }
}
