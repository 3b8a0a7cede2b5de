package ca.gardien.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * One version of a privacy impact assessment: its questionnaire (template id and version), the data-map item it covers
 * ({@code transfers/<id>}, null when started by hand) and the gap it clears, the answers, risks and measures, and each
 * step of its workflow with who took it. {@code superseded} is set when the data map changed the item again and a
 * new version was opened.
 */
record Assessment(
        UUID id,
        String title,
        String templateId,
        int templateVersion,
        String item,
        String gapRule,
        int version,
        AssessmentStatus status,
        boolean superseded,
        UUID assignedTo,
        LocalDate consultedOn,
        String consultationNote,
        String consultedBy,
        Instant reviewedAt,
        String reviewNote,
        String reviewedBy,
        Instant decidedAt,
        String decisionReasons,
        String decidedBy,
        String documentSha256,
        Instant createdAt,
        String createdBy,
        Map<String, Answer> answers,
        List<Risk> risks,
        List<Measure> measures,
        int rowVersion) {

    /**
     * An answer as text ({@code yes}/{@code no} for yes-no, ISO dates, decimal numbers); pre-filled from the map. A
     * pre-filled text is written in French ({@code value}) and English ({@code english}, null when the same or when a
     * person wrote the answer).
     */
    record Answer(String value, boolean prefilled, String english) {

        Answer(String value, boolean prefilled) {
            this(value, prefilled, null);
        }

        /** A pre-filled answer in both languages. */
        static Answer prefilled(ca.gardien.inventory.Text text) {
            return new Answer(text.fr(), true, text.fr().equals(text.en()) ? null : text.en());
        }

        /** The answer in the reader's language. */
        String in(java.util.Locale locale) {
            return english == null
                    ? value
                    : ca.gardien.shared.Language.of(locale).pick(value, english);
        }

        /** Whether a text sent back is this answer, in either language (a pre-filled answer left as it was). */
        boolean says(String text) {
            return value.equals(text) || text.equals(english);
        }
    }

    /** A risk rated on the configured scale, before and after its measures. */
    record Risk(
            UUID id, String description, int likelihood, int severity, int residualLikelihood, int residualSeverity) {

        int score() {
            return likelihood * severity;
        }

        int residualScore() {
            return residualLikelihood * residualSeverity;
        }
    }

    /** A protection measure (s. 3.4) with its owner and due date, and the day it was done. */
    record Measure(UUID id, String kind, String description, String owner, LocalDate dueOn, LocalDate doneOn) {

        boolean lateOn(LocalDate today) {
            return doneOn == null && dueOn.isBefore(today);
        }
    }

    /** The s. 3.4 kinds of measures offered. */
    static final List<String> MEASURE_KINDS = List.of(
            "responsible-person",
            "project-documents",
            "participants-responsibilities",
            "training",
            "contractual",
            "technical",
            "other");
}
