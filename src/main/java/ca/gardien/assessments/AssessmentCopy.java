package ca.gardien.assessments;

import java.time.Instant;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A changed copy of an assessment version: set what a step changes, then {@link #build()}. */
final class AssessmentCopy {

    UUID id;
    String title;
    String templateId;
    int templateVersion;
    String item;
    String gapRule;
    int version;
    AssessmentStatus status;
    boolean superseded;
    UUID assignedTo;
    LocalDate consultedOn;
    String consultationNote;
    String consultedBy;
    Instant reviewedAt;
    String reviewNote;
    String reviewedBy;
    Instant decidedAt;
    String decisionReasons;
    String decidedBy;
    String documentSha256;
    Instant createdAt;
    String createdBy;
    Map<String, Assessment.Answer> answers;
    List<Assessment.Risk> risks;
    List<Assessment.Measure> measures;
    /** The stored row's version this copy was made from: the update names it (see {@link AssessmentStore#update}). */
    final int rowVersion;

    AssessmentCopy(Assessment a) {
        id = a.id();
        title = a.title();
        templateId = a.templateId();
        templateVersion = a.templateVersion();
        item = a.item();
        gapRule = a.gapRule();
        version = a.version();
        status = a.status();
        superseded = a.superseded();
        assignedTo = a.assignedTo();
        consultedOn = a.consultedOn();
        consultationNote = a.consultationNote();
        consultedBy = a.consultedBy();
        reviewedAt = a.reviewedAt();
        reviewNote = a.reviewNote();
        reviewedBy = a.reviewedBy();
        decidedAt = a.decidedAt();
        decisionReasons = a.decisionReasons();
        decidedBy = a.decidedBy();
        documentSha256 = a.documentSha256();
        createdAt = a.createdAt();
        createdBy = a.createdBy();
        answers = new LinkedHashMap<>(a.answers());
        risks = a.risks();
        measures = a.measures();
        rowVersion = a.rowVersion();
    }

    /** A first version: a draft with no answer, risk or measure. */
    static Assessment fresh(
            UUID id,
            String title,
            Template template,
            String item,
            String gapRule,
            int version,
            Instant now,
            String createdBy,
            Map<String, Assessment.Answer> answers) {
        return new Assessment(
                id,
                title,
                template.id(),
                template.version(),
                item,
                gapRule,
                version,
                AssessmentStatus.DRAFT,
                false,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                null,
                now,
                createdBy,
                Map.copyOf(answers),
                List.of(),
                List.of(),
                0);
    }

    /**
     * Back to a draft: the consultation stays (it was from the outset), the review goes. A rejection stays on the row
     * as the previous decision (who, when, reasons: reviewers, it survived only in the ledger); the views show it as
     * {@code previousDecision} while the version is open, and the next decision replaces it.
     */
    AssessmentCopy redraft() {
        if (status == AssessmentStatus.APPROVED) {
            decidedAt = null; // only a rejection is kept as the previous decision (an approval is frozen anyway)
            decisionReasons = null;
            decidedBy = null;
        }
        status = consultedOn == null ? AssessmentStatus.DRAFT : AssessmentStatus.CONSULTED;
        reviewedAt = null;
        reviewNote = null;
        reviewedBy = null;
        return this;
    }

    Assessment build() {
        return new Assessment(
                id,
                title,
                templateId,
                templateVersion,
                item,
                gapRule,
                version,
                status,
                superseded,
                assignedTo,
                consultedOn,
                consultationNote,
                consultedBy,
                reviewedAt,
                reviewNote,
                reviewedBy,
                decidedAt,
                decisionReasons,
                decidedBy,
                documentSha256,
                createdAt,
                createdBy,
                Map.copyOf(answers),
                risks,
                measures,
                rowVersion);
    }
}
