package ca.gardien.incidents;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;

/**
 * The assessment of the risk of serious injury (s. 3.7 P-39.1; register item 6): each factor the Act names answered
 * with its reasoning, the consultation of the person in charge, the conclusion Gardien suggests from the answers and
 * the conclusion the officer keeps (an override of the suggestion states its reason).
 */
@org.springframework.modulith.NamedInterface("views")
public record RiskAssessment(
        Level sensitivity,
        String sensitivityReason,
        Level consequences,
        String consequencesReason,
        Level likelihood,
        String likelihoodReason,
        String illIntentionedUses,
        LocalDate consultedOn,
        String consultationNote,
        boolean suggestedSerious,
        boolean serious,
        String overrideReason,
        Instant assessedAt) {

    static final int MAX_TEXT = 2000;

    /** The notices a conclusion requires (s. 3.5, second paragraph). */
    public enum Notice {
        COMMISSION,
        PERSONS
    }

    /**
     * The officer's answers. {@code serious} left out accepts the suggestion; a value different from the suggestion
     * needs {@code overrideReason}.
     */
    @io.swagger.v3.oas.annotations.media.Schema(
            name = "IncidentRiskAnswers") // one name per schema (OpenApiSchemaNamesTest)
    public record Answers(
            Level sensitivity,
            String sensitivityReason,
            Level consequences,
            String consequencesReason,
            Level likelihood,
            String likelihoodReason,
            String illIntentionedUses,
            LocalDate consultedOn,
            String consultationNote,
            Boolean serious,
            String overrideReason) {

        /** The same answers with another consultation date. */
        public Answers withConsultedOn(LocalDate on) {
            return new Answers(
                    sensitivity,
                    sensitivityReason,
                    consequences,
                    consequencesReason,
                    likelihood,
                    likelihoodReason,
                    illIntentionedUses,
                    on,
                    consultationNote,
                    serious,
                    overrideReason);
        }
    }

    /**
     * The conclusion the answers suggest. Injurious use must be at least possible (likelihood not low); then the risk
     * is serious when the information is highly sensitive or the anticipated consequences are severe, or when every
     * factor is at least medium and injurious use is likely. Only a suggestion: the officer decides.
     */
    public static boolean suggest(Level sensitivity, Level consequences, Level likelihood) {
        if (likelihood == Level.LOW) {
            return false;
        }
        if (sensitivity == Level.HIGH || consequences == Level.HIGH) {
            return true;
        }
        return likelihood == Level.HIGH && sensitivity.atLeast(Level.MEDIUM) && consequences.atLeast(Level.MEDIUM);
    }

    /** Checks the answers and concludes; refuses missing factors, reasons, consultation, or an override without reason. */
    public static RiskAssessment conclude(Answers answers, LocalDate today, Instant now) {
        if (answers == null) {
            throw new InvalidInputException("sensitivity", "incidents.invalid.required");
        }
        var errors = new ArrayList<FieldError>();
        require(errors, "sensitivity", answers.sensitivity());
        text(errors, "sensitivityReason", answers.sensitivityReason(), true);
        require(errors, "consequences", answers.consequences());
        text(errors, "consequencesReason", answers.consequencesReason(), true);
        require(errors, "likelihood", answers.likelihood());
        text(errors, "likelihoodReason", answers.likelihoodReason(), true);
        text(errors, "illIntentionedUses", answers.illIntentionedUses(), false);
        require(errors, "consultedOn", answers.consultedOn());
        if (answers.consultedOn() != null && answers.consultedOn().isAfter(today)) {
            errors.add(FieldError.of("consultedOn", "incidents.invalid.future"));
        } else if (answers.consultedOn() != null && !ca.gardien.shared.DateRange.contains(answers.consultedOn())) {
            errors.add(ca.gardien.shared.DateRange.outside("consultedOn")); // the register printed -999999999-01-01
        }
        text(errors, "consultationNote", answers.consultationNote(), true);
        text(errors, "overrideReason", answers.overrideReason(), false);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        boolean suggested = suggest(answers.sensitivity(), answers.consequences(), answers.likelihood());
        boolean serious = answers.serious() == null ? suggested : answers.serious();
        String reason = blankToNull(answers.overrideReason());
        if (serious != suggested && reason == null) {
            throw new InvalidInputException("overrideReason", "incidents.invalid.override-reason");
        }
        return new RiskAssessment(
                answers.sensitivity(),
                answers.sensitivityReason().strip(),
                answers.consequences(),
                answers.consequencesReason().strip(),
                answers.likelihood(),
                answers.likelihoodReason().strip(),
                blankToNull(answers.illIntentionedUses()),
                answers.consultedOn(),
                answers.consultationNote().strip(),
                suggested,
                serious,
                serious == suggested ? null : reason,
                now);
    }

    /** The officer kept a conclusion other than the suggested one. */
    public boolean overridden() {
        return serious != suggestedSerious;
    }

    /** The notices this conclusion requires: both when there is a risk of serious injury, none otherwise. */
    public Set<Notice> requiredNotices() {
        return serious ? EnumSet.allOf(Notice.class) : EnumSet.noneOf(Notice.class);
    }

    private static void require(List<FieldError> errors, String field, Object value) {
        if (value == null) {
            errors.add(FieldError.of(field, "incidents.invalid.required"));
        }
    }

    static void text(List<FieldError> errors, String field, String value, boolean required) {
        if (value == null || value.isBlank()) {
            if (required) {
                errors.add(FieldError.of(field, "incidents.invalid.required"));
            }
        } else if (value.length() > MAX_TEXT) {
            errors.add(FieldError.of(field, "incidents.invalid.too-long", MAX_TEXT));
        } else if (hides(value)) {
            errors.add(FieldError.of(field, "shared.field.control-characters"));
        }
    }

    /**
     * Whether a text of the register holds what a reader would not see as stored: control characters (line ends and
     * tabs allowed), the marks that reverse or hide text, or what a PDF cannot hold. The register, its CSV, the notices
     * and the emails to the persons concerned show these texts (attacker's review: a reversed description went out in
     * every person's notice).
     */
    static boolean hides(String value) {
        return ca.gardien.shared.PlainText.hidesSomethingInProse(value)
                || !value.equals(ca.gardien.shared.PdfDocuments.xmlSafe(value));
    }

    static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
