package ca.gardien.incidents;

import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
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
    private final IncidentsProperties properties;

    /** How far ahead a measure can be due: a plan, not a date typed with a slip of the finger. */
    static final int MAX_YEARS_AHEAD = 10;

    IncidentMeasures(Incidents incidents, IncidentStore store, IncidentFacts facts, IncidentsProperties properties) {
        this.incidents = incidents;
        this.store = store;
        this.facts = facts;
        this.properties = properties;
    }

    @Transactional
    public Incident addMeasure(UUID id, NewMeasure measure, Actor actor) {
        var current = incidents.open(id);
        if (current.measures().size() >= properties.maxMeasures()) { // each is printed in the register, kept five years
            throw new ConflictException("incidents.measures.too-many", properties.maxMeasures());
        }
        var errors = new ArrayList<FieldError>();
        if (measure.kind() == null) {
            errors.add(FieldError.of("kind", "incidents.invalid.required"));
        }
        RiskAssessment.text(errors, "description", measure.description(), true);
        RiskAssessment.text(errors, "owner", measure.owner(), true);
        if (measure.owner() != null && measure.owner().length() > IncidentChecks.MAX_TITLE) {
            errors.add(FieldError.of("owner", "incidents.invalid.too-long", IncidentChecks.MAX_TITLE));
        } else if (ca.gardien.shared.PlainText.hidesSomething(measure.owner(), false)
                && errors.stream().noneMatch(e -> e.field().equals("owner"))) {
            errors.add(FieldError.of("owner", "shared.field.control-characters")); // a name: one line
        }
        if (measure.doneOn() != null) {
            doneOnError(measure.doneOn()).ifPresent(errors::add);
        }
        var latestDue = incidents.today().plusYears(MAX_YEARS_AHEAD);
        if (measure.dueOn() != null
                && (measure.dueOn().isBefore(IncidentChecks.EARLIEST)
                        || measure.dueOn().isAfter(latestDue))) {
            errors.add(FieldError.of("dueOn", "shared.field.date-range", IncidentChecks.EARLIEST, latestDue));
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
        doneOnError(doneOn).ifPresent(e -> {
            throw new InvalidInputException(java.util.List.of(e));
        });
        store.update(current);
        if (!store.markDone(id, measureId, doneOn)) {
            throw new NotFoundException("incidents.object.measure", measureId);
        }
        facts.record("measure-done", id, actor, Map.of("measureId", measureId.toString(), "doneOn", doneOn.toString()));
        return incidents.get(id);
    }

    /** A measure is done on a day between the register's earliest day and today (the API takes any ISO year). */
    private java.util.Optional<FieldError> doneOnError(LocalDate doneOn) {
        var today = incidents.today();
        if (doneOn.isAfter(today)) {
            return java.util.Optional.of(FieldError.of("doneOn", "incidents.invalid.future"));
        }
        if (doneOn.isBefore(IncidentChecks.EARLIEST)) {
            return java.util.Optional.of(
                    FieldError.of("doneOn", "shared.field.date-range", IncidentChecks.EARLIEST, today));
        }
        return java.util.Optional.empty();
    }
}
