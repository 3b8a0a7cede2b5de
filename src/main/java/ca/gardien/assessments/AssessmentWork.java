package ca.gardien.assessments;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The work on an assessment that is not yet approved: answers saved as one goes (a pre-filled answer changed by a
 * person is no longer marked pre-filled), risks rated on the configured scale, measures with owners and due dates.
 * A change to a reviewed or rejected assessment sends it back to be reviewed again.
 */
@Service
class AssessmentWork {

    static final int MAX_OWNER = 200;
    static final int MAX_DESCRIPTION = 2000;

    private final Assessments assessments;
    private final AssessmentStore store;
    private final AssessmentFacts facts;
    private final Templates templates;
    private final AssessmentsProperties properties;
    private final ca.gardien.organization.OrganizationTime time;

    AssessmentWork(
            Assessments assessments,
            AssessmentStore store,
            AssessmentFacts facts,
            Templates templates,
            AssessmentsProperties properties,
            ca.gardien.organization.OrganizationTime time) {
        this.assessments = assessments;
        this.store = store;
        this.facts = facts;
        this.templates = templates;
        this.properties = properties;
        this.time = time;
    }

    record NewRisk(
            String description,
            Integer likelihood,
            Integer severity,
            Integer residualLikelihood,
            Integer residualSeverity) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "NewAssessmentMeasure") // one name per schema (OpenApiSchemaNamesTest)
    record NewMeasure(String kind, String description, String owner, LocalDate dueOn) {}

    /** Saves the given answers (others untouched); {@code null} clears one. */
    @Transactional
    Assessment answer(UUID id, Map<String, Object> answers, AssessmentCaller caller, Locale locale) {
        var a = assessments.workable(id, caller);
        var copy = new AssessmentCopy(a);
        int changed = changes(a, answers, locale, copy);
        if (changed == 0) {
            return a;
        }
        var saved = copy.redraft().build();
        store.update(saved);
        facts.record("answered", id, caller.actor(), Map.of("questions", String.valueOf(changed)));
        return saved;
    }

    /** Whether the assessment already says these answers: saving them would change nothing ({@link AnswerSaves}). */
    @Transactional(readOnly = true)
    boolean says(UUID id, Map<String, Object> answers, AssessmentCaller caller, Locale locale) {
        var a = assessments.workable(id, caller);
        return changes(a, answers, locale, new AssessmentCopy(a)) == 0;
    }

    /** Puts the answers, checked, in {@code copy} (refused naming each question); how many change what {@code a} says. */
    private int changes(Assessment a, Map<String, Object> answers, Locale locale, AssessmentCopy copy) {
        if (answers == null || answers.isEmpty()) {
            throw new InvalidInputException("answers", "shared.field.required");
        }
        var template = templates.get(a.templateId());
        if (answers.size() > template.questions().size()) { // one answer a question at most: no unbounded error list
            throw new InvalidInputException(
                    "answers",
                    "assessments.answer.too-many",
                    template.questions().size());
        }
        var errors = new ArrayList<FieldError>();
        int changed = 0;
        for (var e : answers.entrySet()) {
            var text = AnswerChecks.check(template, e.getKey(), e.getValue(), locale, errors);
            var before = a.answers().get(e.getKey());
            if (text == null) {
                changed += copy.answers.remove(e.getKey()) == null ? 0 : 1;
            } else if (before == null || !before.says(text)) {
                copy.answers.put(e.getKey(), new Assessment.Answer(text, false));
                changed++;
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return changed;
    }

    @Transactional
    Assessment addRisk(UUID id, NewRisk risk, AssessmentCaller caller) {
        var a = assessments.workable(id, caller);
        if (a.risks().size() >= properties.maxRisks()) { // each is printed in the report
            throw new ConflictException("assessments.risks.too-many", properties.maxRisks());
        }
        var r = rated(UUID.randomUUID(), risk);
        store.addRisk(id, r, a.risks().size());
        store.update(new AssessmentCopy(a).redraft().build());
        facts.record("risk-rated", id, caller.actor(), riskFacts(r));
        return assessments.get(id, caller);
    }

    /** The risk as sent, checked: a description and four levels on the configured scale; refused naming each field. */
    Assessment.Risk rated(UUID riskId, NewRisk risk) {
        var errors = new ArrayList<FieldError>();
        var description = text(risk == null ? null : risk.description(), "description", MAX_DESCRIPTION, errors);
        int l = level(risk == null ? null : risk.likelihood(), "likelihood", errors);
        int s = level(risk == null ? null : risk.severity(), "severity", errors);
        int rl = level(risk == null ? null : risk.residualLikelihood(), "residualLikelihood", errors);
        int rs = level(risk == null ? null : risk.residualSeverity(), "residualSeverity", errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return new Assessment.Risk(riskId, description, l, s, rl, rs);
    }

    /** What the ledger keeps of a risk: its scores, never its words (their digest). */
    Map<String, String> riskFacts(Assessment.Risk r) {
        return Map.of(
                "riskId", r.id().toString(),
                "score", String.valueOf(r.score()),
                "residualScore", String.valueOf(r.residualScore()),
                "scale", String.valueOf(properties.scale()),
                "descriptionSha256", Digests.sha256Hex(r.description()));
    }

    @Transactional
    Assessment addMeasure(UUID id, NewMeasure measure, AssessmentCaller caller) {
        var a = assessments.workable(id, caller);
        if (a.measures().size() >= properties.maxMeasures()) { // each is printed in the report
            throw new ConflictException("assessments.measures.too-many", properties.maxMeasures());
        }
        var errors = new ArrayList<FieldError>();
        var kind = measure == null ? null : measure.kind();
        if (kind == null || !Assessment.MEASURE_KINDS.contains(kind)) {
            errors.add(FieldError.of("kind", "shared.field.one-of", String.join(", ", Assessment.MEASURE_KINDS)));
        }
        var description = text(measure == null ? null : measure.description(), "description", MAX_DESCRIPTION, errors);
        var owner = text(measure == null ? null : measure.owner(), "owner", MAX_OWNER, errors);
        var dueOn = measure == null ? null : measure.dueOn();
        var today = time.today();
        if (dueOn == null || dueOn.isAfter(today.plusYears(10)) || dueOn.isBefore(today.minusYears(10))) {
            errors.add(FieldError.of("dueOn", "shared.field.date-range", today.minusYears(10), today.plusYears(10)));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        var m = new Assessment.Measure(UUID.randomUUID(), kind, description, owner, dueOn, null);
        store.addMeasure(id, m, a.measures().size());
        store.update(new AssessmentCopy(a).redraft().build());
        facts.record(
                "measure-added",
                id,
                caller.actor(),
                Map.of("measureId", m.id().toString(), "kind", kind, "dueOn", dueOn.toString()));
        return assessments.get(id, caller);
    }

    /** Records the day a measure was done; allowed after approval too, as measures are carried out later. */
    @Transactional
    Assessment measureDone(UUID id, UUID measureId, LocalDate doneOn, AssessmentCaller caller) {
        var a = assessments.get(id, caller);
        if (!caller.mayWork(a)) {
            throw new org.springframework.security.access.AccessDeniedException("assessments");
        }
        var measure = a.measures().stream()
                .filter(m -> m.id().equals(measureId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("assessments.object.measure", measureId));
        var today = time.today();
        if (doneOn == null || doneOn.isAfter(today)) {
            throw new InvalidInputException("doneOn", "shared.field.not-future");
        }
        if (!ca.gardien.shared.DateRange.contains(doneOn)) { // -999999999-01-01 was stored (attacker's review)
            throw new InvalidInputException(List.of(ca.gardien.shared.DateRange.outside("doneOn")));
        }
        store.measureDone(measure.id(), doneOn);
        facts.record(
                "measure-done",
                id,
                caller.actor(),
                Map.of("measureId", measureId.toString(), "doneOn", doneOn.toString()));
        return assessments.get(id, caller);
    }

    private int level(Integer value, String field, List<FieldError> errors) {
        if (value == null) { // no level chosen: none is assumed for the person
            errors.add(FieldError.of(field, "shared.field.required"));
            return 0;
        }
        if (value < 1 || value > properties.scale()) {
            errors.add(FieldError.of(field, "assessments.field.level", properties.scale()));
            return 0;
        }
        return value;
    }

    static String text(String value, String field, int max, List<FieldError> errors) {
        var text = value == null ? "" : value.strip();
        if (text.isEmpty()) {
            errors.add(FieldError.of(field, "shared.field.required"));
        } else if (text.length() > max) {
            errors.add(FieldError.of(field, "shared.field.too-long", max));
        } else if (AnswerChecks.controlCharacters(text)) {
            errors.add(FieldError.of(field, "shared.field.control-characters"));
        }
        return text;
    }
}
