package ca.gardien.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * An assessment as a reader sees it, labels in the reader's language: the questionnaire with each answer (marked when
 * pre-filled from the data map), the risks rated on the scale, the measures, each step, the data-map gap it clears
 * (none once cleared), and what to do next.
 */
@org.springframework.modulith.NamedInterface("views")
public record AssessmentView(
        UUID id,
        String title,
        String status,
        String statusLabel,
        int version,
        boolean superseded,
        String item,
        String itemName,
        String gapRule,
        String templateId,
        int templateVersion,
        String templateTitle,
        String law,
        UUID assignedTo,
        String assignedName,
        Step consultation,
        Step review,
        Step decision,
        Step previousDecision,
        String documentSha256,
        Gap gap,
        List<Section> sections,
        List<Risk> risks,
        List<Measure> measures,
        List<Choice> measureKinds,
        int scale,
        String nextStep,
        Instant createdAt) {

    @io.swagger.v3.oas.annotations.media.Schema(name = "AssessmentStep") // one name per schema (OpenApiSchemaNamesTest)
    public record Step(String on, String by, String note) {}

    /** The data-map gap the assessment clears, while it is open: its id and explanation in the reader's language. */
    @io.swagger.v3.oas.annotations.media.Schema(name = "AssessmentGap") // one name per schema (OpenApiSchemaNamesTest)
    public record Gap(String id, String explanation) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "AssessmentSection") // one name per schema (OpenApiSchemaNamesTest)
    public record Section(String id, String title, List<Question> questions) {}

    public record Question(
            String id,
            String type,
            String label,
            List<Choice> choices,
            String answer,
            String shown,
            boolean prefilled,
            boolean required) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "AssessmentChoice") // one name per schema (OpenApiSchemaNamesTest)
    public record Choice(String id, String label) {}

    public record Risk(
            UUID id,
            String description,
            int likelihood,
            int severity,
            int score,
            String level,
            String rating,
            int residualLikelihood,
            int residualSeverity,
            int residualScore,
            String residualLevel,
            String residualRating) {}

    @io.swagger.v3.oas.annotations.media.Schema(
            name = "AssessmentMeasure") // one name per schema (OpenApiSchemaNamesTest)
    public record Measure(
            UUID id,
            String kind,
            String kindLabel,
            String description,
            String owner,
            LocalDate dueOn,
            LocalDate doneOn,
            boolean late) {}

    /** One line of the list. */
    public record Summary(
            UUID id,
            String title,
            String status,
            String statusLabel,
            int version,
            String item,
            String itemName,
            String templateId,
            UUID assignedTo,
            long lateMeasures,
            Instant createdAt) {}
}
