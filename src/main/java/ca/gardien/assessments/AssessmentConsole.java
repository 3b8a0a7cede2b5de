package ca.gardien.assessments;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Service;

/**
 * What the console asks of assessments: the same services as the API, for the signed-in caller, with views in the
 * reader's language. Who may do what is decided here, never by the page.
 */
@Service
@org.springframework.modulith.NamedInterface({"views", "actions"})
public class AssessmentConsole {

    private final Assessments assessments;
    private final AssessmentWork work;
    private final AnswerSaves answers;
    private final AssessmentWorkflow workflow;
    private final AssessmentViews views;
    private final ReportDocuments report;
    private final Templates templates;
    private final RiskEdits risks;

    AssessmentConsole(
            Assessments assessments,
            AssessmentWork work,
            AnswerSaves answers,
            AssessmentWorkflow workflow,
            AssessmentViews views,
            ReportDocuments report,
            Templates templates,
            RiskEdits risks) {
        this.risks = risks;
        this.assessments = assessments;
        this.work = work;
        this.answers = answers;
        this.workflow = workflow;
        this.views = views;
        this.report = report;
        this.templates = templates;
    }

    /** The list's filter of what the dashboard counts as to do: every current assessment not yet approved. */
    public static final String TO_DO = "TO_DO";

    /** The list's filter of the current assessments with a measure past its due day (the dashboard's late figure). */
    public static final String LATE = "LATE";

    /** The statuses a list may be filtered by, then the dashboard's two filters. */
    public static List<String> statuses() {
        var all = new java.util.ArrayList<>(
                Arrays.stream(AssessmentStatus.values()).map(Enum::name).toList());
        all.add(TO_DO);
        all.add(LATE);
        return java.util.Collections.unmodifiableList(all); // contains(null) is false, not an error
    }

    public List<AssessmentView.Summary> list(String status, Authentication auth, Locale locale) {
        var chosen = Arrays.stream(AssessmentStatus.values())
                .filter(s -> s.name().equals(status))
                .findFirst()
                .orElse(null);
        var found = assessments.list(chosen, AssessmentCaller.of(auth)).stream()
                .filter(a -> !TO_DO.equals(status) || a.status() != AssessmentStatus.APPROVED)
                .toList();
        return views.summaries(found, locale).stream()
                .filter(s -> !LATE.equals(status) || s.lateMeasures() > 0)
                .toList();
    }

    public AssessmentView view(UUID id, Authentication auth, Locale locale) {
        return views.view(assessments.get(id, AssessmentCaller.of(auth)), locale);
    }

    /** The report in this language: its PDF, or its HTML (UTF-8). */
    public byte[] report(UUID id, Authentication auth, Locale locale, boolean pdf) {
        var a = assessments.get(id, AssessmentCaller.of(auth));
        return pdf ? report.pdf(a, locale) : report.html(a, locale).getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    /** The {@code Content-Disposition} of the report's PDF in this language (the API's is the same). */
    public String reportDisposition(UUID id, Locale locale) {
        return report.pdfDisposition(id, locale);
    }

    /**
     * Saves the answers of the questionnaire form (every field as text; an empty one clears its answer); true when they
     * changed a reviewed assessment, whose review is then to be done again (the page says so rather than letting the
     * status drop back unsaid).
     */
    public boolean answer(UUID id, Map<String, String> form, Authentication auth, Locale locale) {
        var caller = AssessmentCaller.of(auth);
        var before = assessments.get(id, caller);
        var template = templates.get(before.templateId());
        var typed = new LinkedHashMap<String, Object>();
        form.forEach((name, value) -> {
            if (name.startsWith("q.")) {
                var question = name.substring(2);
                typed.put(question, AnswerChecks.fromForm(template, question, value));
            }
        });
        if (typed.isEmpty()) {
            return false;
        }
        var after = answers.save(id, typed, caller, locale);
        return before.status() == AssessmentStatus.REVIEWED && after.status() != AssessmentStatus.REVIEWED;
    }

    public void addMeasure(
            UUID id, String kind, String description, String owner, LocalDate dueOn, Authentication auth) {
        work.addMeasure(id, new AssessmentWork.NewMeasure(kind, description, owner, dueOn), AssessmentCaller.of(auth));
    }

    public void addRisk(
            UUID id,
            String description,
            Integer likelihood,
            Integer severity,
            Integer residualLikelihood,
            Integer residualSeverity,
            Authentication auth) {
        work.addRisk(
                id,
                new AssessmentWork.NewRisk(description, likelihood, severity, residualLikelihood, residualSeverity),
                AssessmentCaller.of(auth));
    }

    /** Changes a rated risk while the assessment is being written. */
    public void changeRisk(
            UUID id,
            UUID riskId,
            String description,
            Integer likelihood,
            Integer severity,
            Integer residualLikelihood,
            Integer residualSeverity,
            Authentication auth) {
        risks.change(
                id,
                riskId,
                new AssessmentWork.NewRisk(description, likelihood, severity, residualLikelihood, residualSeverity),
                AssessmentCaller.of(auth));
    }

    /** Removes a rated risk while the assessment is being written. */
    public void removeRisk(UUID id, UUID riskId, Authentication auth) {
        risks.remove(id, riskId, AssessmentCaller.of(auth));
    }

    /** Records the day a measure was done. */
    public void measureDone(UUID id, UUID measureId, LocalDate doneOn, Authentication auth) {
        if (measureId == null) {
            throw new ca.gardien.shared.InvalidInputException("measureId", "shared.field.required");
        }
        work.measureDone(id, measureId, doneOn, AssessmentCaller.of(auth));
    }

    /** The questionnaires one may start by hand, in the reader's language. */
    public List<AssessmentView.Choice> templates(Locale locale) {
        return templates.all().stream()
                .map(t -> new AssessmentView.Choice(t.id(), t.title().in(locale)))
                .toList();
    }

    /** Starts an assessment by hand, for a project not yet in the data map; its id. */
    public UUID start(String title, String templateId, Authentication auth) {
        return assessments
                .start(title, templateId, null, AssessmentCaller.of(auth))
                .id();
    }

    /** Whom the review may be assigned to, by name. */
    public List<AssessmentView.Choice> assignees() {
        return assessments.assignable().stream()
                .map(r -> new AssessmentView.Choice(r.id().toString(), r.displayName()))
                .toList();
    }

    public void assign(UUID id, UUID accountId, Authentication auth) {
        assessments.assign(id, accountId, AssessmentCaller.of(auth));
    }

    /** Assigns the review to the caller's own account. */
    public void assignToMe(UUID id, Authentication auth) {
        var caller = AssessmentCaller.of(auth);
        assessments.assign(id, caller.accountId().orElse(null), caller);
    }

    public void consult(UUID id, LocalDate consultedOn, String note, Authentication auth) {
        workflow.consult(id, consultedOn, note, AssessmentCaller.of(auth));
    }

    /** Whether the caller records the review: the account it is assigned to (none while nobody is assigned). */
    public boolean reviews(AssessmentView a, Authentication auth) {
        return AssessmentCaller.of(auth).reviews(a.assignedTo());
    }

    public void review(UUID id, String note, Authentication auth) {
        workflow.review(id, note, AssessmentCaller.of(auth));
    }

    public void decide(UUID id, String decision, String reasons, Authentication auth, Locale locale) {
        workflow.decide(id, decision, reasons, AssessmentCaller.of(auth), locale);
    }
}
