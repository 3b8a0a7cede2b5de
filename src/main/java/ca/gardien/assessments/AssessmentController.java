package ca.gardien.assessments;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.net.URI;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Privacy impact assessments. Every role reads (staff only what is assigned to them, auditors everything); the person
 * in charge and delegates start, assign, record the consultation and decide; the assigned staff member answers, rates
 * risks, adds measures and reviews.
 */
@RestController
@RequestMapping("/api/v1/assessments")
@Tag(name = "Assessments", description = "Privacy impact assessments: questionnaires, risks, measures, approval")
class AssessmentController {

    private static final String READERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'AUDITOR', 'STAFF')";
    private static final String WORKERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE', 'STAFF')";
    private static final String DECIDERS = "hasAnyRole('PRIVACY_OFFICER', 'DELEGATE')";

    private final Assessments assessments;
    private final AssessmentWork work;
    private final AnswerSaves answers;
    private final AssessmentWorkflow workflow;
    private final AssessmentViews views;
    private final ReportDocuments report;
    private final TemplateViews templateViews;
    private final RiskEdits risks;

    AssessmentController(
            Assessments assessments,
            AssessmentWork work,
            AnswerSaves answers,
            AssessmentWorkflow workflow,
            AssessmentViews views,
            ReportDocuments report,
            TemplateViews templateViews,
            RiskEdits risks) {
        this.risks = risks;
        this.assessments = assessments;
        this.work = work;
        this.answers = answers;
        this.workflow = workflow;
        this.views = views;
        this.report = report;
        this.templateViews = templateViews;
    }

    record NewAssessment(String title, String templateId, String item) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "AssessmentAnswers") // one name per schema (OpenApiSchemaNamesTest)
    record Answers(Map<String, Object> answers) {}

    record Assignee(UUID accountId) {}

    record Consultation(LocalDate consultedOn, String note) {}

    record Review(String note) {}

    record AssessmentDecision(String decision, String reasons) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "AssessmentMeasureDone") // one name per schema (OpenApiSchemaNamesTest)
    record Done(LocalDate doneOn) {}

    @GetMapping
    @PreAuthorize(READERS)
    @Operation(
            summary = "The current assessments the caller may see, newest first; status=DRAFT|CONSULTED|REVIEWED|"
                    + "APPROVED|REJECTED filters (superseded versions included)")
    List<AssessmentView.Summary> list(@RequestParam(required = false) String status, Authentication auth) {
        AssessmentStatus filter = null;
        if (status != null) {
            filter = Arrays.stream(AssessmentStatus.values())
                    .filter(s -> s.name().equalsIgnoreCase(status.strip()))
                    .findFirst()
                    .orElseThrow(() -> new InvalidInputException(
                            "status", "shared.field.one-of", Arrays.toString(AssessmentStatus.values())));
        }
        var locale = ApiLanguage.current();
        return views.summaries(assessments.list(filter, AssessmentCaller.of(auth)), locale);
    }

    @PostMapping
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Start an assessment by hand: a title, a template and optionally the data-map item it covers")
    ResponseEntity<AssessmentView> start(@RequestBody NewAssessment body, Authentication auth) {
        var a = assessments.start(body.title(), body.templateId(), body.item(), AssessmentCaller.of(auth));
        return ResponseEntity.created(URI.create("/api/v1/assessments/" + a.id()))
                .body(views.view(a, ApiLanguage.current()));
    }

    @GetMapping("/templates")
    @PreAuthorize(READERS)
    @Operation(summary = "The questionnaires offered: those shipped and those configured, in the caller's language")
    List<TemplateViews.TemplateView> templates() {
        return templateViews.all(ApiLanguage.current());
    }

    @GetMapping("/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "One assessment with its questionnaire, answers, risks, measures and steps")
    AssessmentView get(@PathVariable UUID id, Authentication auth) {
        return views.view(assessments.get(id, AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @GetMapping("/{id}/report")
    @PreAuthorize(READERS)
    @Operation(summary = "The printable report (lang=fr|en) as HTML; as PDF with Accept: application/pdf")
    ResponseEntity<?> report(
            @PathVariable UUID id,
            @RequestParam(defaultValue = "fr") String lang,
            @RequestHeader(value = HttpHeaders.ACCEPT, required = false) String accept,
            Authentication auth) {
        var locale = language(lang);
        var assessment = assessments.get(id, AssessmentCaller.of(auth));
        if (accept != null
                && MediaType.parseMediaTypes(accept).stream()
                        .anyMatch(m -> m.equalsTypeAndSubtype(MediaType.APPLICATION_PDF))) {
            return ResponseEntity.ok()
                    .contentType(MediaType.APPLICATION_PDF)
                    .header(HttpHeaders.CONTENT_DISPOSITION, report.pdfDisposition(id, locale))
                    .body(report.pdf(assessment, locale));
        }
        return ResponseEntity.ok()
                .contentType(new MediaType("text", "html", java.nio.charset.StandardCharsets.UTF_8))
                .body(report.html(assessment, locale));
    }

    @PutMapping("/{id}/answers")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Save answers as one goes ({question id: value}; null clears); a wrong type is refused by name")
    AssessmentView answer(@PathVariable UUID id, @RequestBody Answers body, Authentication auth) {
        var locale = ApiLanguage.current();
        return views.view(answers.save(id, body.answers(), AssessmentCaller.of(auth), locale), locale);
    }

    @PostMapping("/{id}/risks")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Rate a risk: likelihood and severity, before and after measures, on the configured scale")
    AssessmentView addRisk(@PathVariable UUID id, @RequestBody AssessmentWork.NewRisk body, Authentication auth) {
        return views.view(work.addRisk(id, body, AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @PutMapping("/{id}/risks/{riskId}")
    @PreAuthorize(WORKERS)
    @Operation(
            summary = "Change a rated risk while the assessment is being written (a reviewed one goes back to draft)")
    AssessmentView changeRisk(
            @PathVariable UUID id,
            @PathVariable UUID riskId,
            @RequestBody AssessmentWork.NewRisk body,
            Authentication auth) {
        return views.view(risks.change(id, riskId, body, AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @DeleteMapping("/{id}/risks/{riskId}")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Remove a rated risk while the assessment is being written")
    AssessmentView removeRisk(@PathVariable UUID id, @PathVariable UUID riskId, Authentication auth) {
        return views.view(risks.remove(id, riskId, AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @PostMapping("/{id}/measures")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Add a protection measure (s. 3.4 kind) with its owner and due date")
    AssessmentView addMeasure(@PathVariable UUID id, @RequestBody AssessmentWork.NewMeasure body, Authentication auth) {
        return views.view(work.addMeasure(id, body, AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @PostMapping("/{id}/measures/{measureId}/done")
    @PreAuthorize(WORKERS)
    @Operation(summary = "Record the day a measure was done")
    AssessmentView measureDone(
            @PathVariable UUID id, @PathVariable UUID measureId, @RequestBody Done body, Authentication auth) {
        return views.view(
                work.measureDone(id, measureId, body.doneOn(), AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @PutMapping("/{id}/assignee")
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Assign the review to an active staff account")
    AssessmentView assign(@PathVariable UUID id, @RequestBody Assignee body, Authentication auth) {
        return views.view(assessments.assign(id, body.accountId(), AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @PostMapping("/{id}/consultation")
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Record the consultation of the person in charge: the day and what was said")
    AssessmentView consult(@PathVariable UUID id, @RequestBody Consultation body, Authentication auth) {
        return views.view(
                workflow.consult(id, body.consultedOn(), body.note(), AssessmentCaller.of(auth)),
                ApiLanguage.current());
    }

    @PostMapping("/{id}/review")
    @PreAuthorize(WORKERS)
    @Operation(summary = "The review by the assigned account, with its note")
    AssessmentView review(@PathVariable UUID id, @RequestBody Review body, Authentication auth) {
        return views.view(workflow.review(id, body.note(), AssessmentCaller.of(auth)), ApiLanguage.current());
    }

    @PostMapping("/{id}/decision")
    @PreAuthorize(DECIDERS)
    @Operation(summary = "Approve or reject a reviewed assessment with reasons (decision=approve|reject)")
    AssessmentView decide(@PathVariable UUID id, @RequestBody AssessmentDecision body, Authentication auth) {
        return views.view(
                workflow.decide(id, body.decision(), body.reasons(), AssessmentCaller.of(auth), ApiLanguage.current()),
                ApiLanguage.current());
    }

    private static Locale language(String lang) {
        return Language.byCode(lang)
                .map(Language::locale)
                .orElseThrow(() -> new InvalidInputException("lang", "shared.field.language"));
    }
}
