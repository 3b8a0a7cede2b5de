package ca.gardien.console;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A form of an assessment's page sent, as the console's other pages send theirs ({@link ConsoleSteps}): the browser
 * always comes back to the assessment's page (a refused form rendered under its POST-only action left the browser on
 * an address that answers a reload with 405), saying what happened, or with the refusal, each error next to its field
 * and what was typed in the form again (officer's walk: a refused review lost its note).
 */
final class AssessmentSteps {

    static final String PAGE = "/console/assessments/";

    /**
     * The page's label of each field, by the field's id on the page; a field the map does not name is labelled by
     * {@code form.field.<id>}, an answer ({@code q-<question>}) by its message, which quotes the question.
     */
    private static final Map<String, String> LABELS = Map.ofEntries(
            Map.entry("risk-description", "assessments.risk.description"),
            Map.entry("risk-likelihood", "assessments.page.likelihood"),
            Map.entry("risk-severity", "assessments.page.severity"),
            Map.entry("risk-residualLikelihood", "assessments.page.residual-likelihood"),
            Map.entry("risk-residualSeverity", "assessments.page.residual-severity"),
            Map.entry("edit-description", "assessments.risk.description"),
            Map.entry("edit-likelihood", "assessments.page.likelihood"),
            Map.entry("edit-severity", "assessments.page.severity"),
            Map.entry("edit-residualLikelihood", "assessments.page.residual-likelihood"),
            Map.entry("edit-residualSeverity", "assessments.page.residual-severity"),
            Map.entry("measure-kind", "assessments.measure.kind"),
            Map.entry("measure-description", "assessments.measure.description"),
            Map.entry("measure-owner", "assessments.measure.owner"),
            Map.entry("measure-dueOn", "assessments.measure.due-on"),
            Map.entry("measureId", "assessments.page.measure-to-mark"),
            Map.entry("doneOn", "assessments.measure.done-on"),
            Map.entry("accountId", "assessments.page.assign-to"),
            Map.entry("consult-consultedOn", "assessments.page.consulted-on"),
            Map.entry("consult-note", "assessments.page.note"),
            Map.entry("review-note", "assessments.page.note"),
            Map.entry("decision-reasons", "assessments.page.reasons"));

    private AssessmentSteps() {}

    /**
     * Runs the step of one form and comes back to the assessment's page.
     *
     * @param form the form's name: what was typed comes back as {@code <form>Form}
     * @param prefix what the form's fields' ids on the page start with ({@code review-} for the review's {@code note})
     * @param typed what was typed, by the field's name
     * @param done what the page says once it is done
     */
    static String run(
            UUID id,
            String form,
            String prefix,
            Map<String, String> typed,
            String done,
            RedirectAttributes flash,
            Runnable step) {
        return FormSteps.at(PAGE + id)
                .form(form + "Form", typed)
                .labels(LABELS)
                .run(flash, () -> onPage(prefix, step), done);
    }

    /** The questionnaire's answers as typed, each kept to what a form shows again. */
    static Map<String, String> answers(Map<String, String> form) {
        var typed = new LinkedHashMap<String, String>();
        form.forEach((name, value) -> {
            if (name.startsWith("q.")) {
                typed.putAll(FormSteps.typed(name, value));
            }
        });
        return typed;
    }

    /** Runs the step; a refusal names each field by its id on the page, so that its error is shown next to it. */
    private static void onPage(String prefix, Runnable step) {
        try {
            step.run();
        } catch (InvalidInputException e) {
            throw new InvalidInputException(e.errors().stream()
                    .map(f -> new FieldError(
                            field(prefix, f.field()), f.key() == null ? f.message() : null, f.key(), f.arguments()))
                    .toList());
        }
    }

    /** An answer's field ({@code answers.<question>}, also refused by a decision) is its question's, {@code q-…}. */
    static String field(String prefix, String field) {
        return field.startsWith("answers.") ? "q-" + field.substring("answers.".length()) : prefix + field;
    }
}
