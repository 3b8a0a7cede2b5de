package ca.gardien.assessments;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of privacy impact assessments.
 *
 * @param extraTemplates more questionnaire templates to offer, as resource locations (the GDPR DPIA ships as
 *     {@code classpath:assessments/optional/gdpr-dpia.yaml})
 * @param scale the number of levels of likelihood and of severity (risk = likelihood × severity), 2 to 10
 * @param systemsAfter a system added or changed in the data map starts an assessment when introduced after this date
 *     (or without a date), as s. 3.3 applies from its coming into force
 * @param remindEvery how often late measures are looked for and reminded (once per measure)
 * @param maxRisks the most risks an assessment holds (each is printed in its report)
 * @param maxMeasures the most measures an assessment holds (attacker's review: 219 measures made the report's PDF take
 *     18 seconds to build)
 */
@ConfigurationProperties("gardien.assessments")
record AssessmentsProperties(
        List<String> extraTemplates,
        Integer scale,
        LocalDate systemsAfter,
        Duration remindEvery,
        Integer maxRisks,
        Integer maxMeasures) {

    /** The default of {@code gardien.assessments.max-risks} and {@code gardien.assessments.max-measures}. */
    static final int MAX_ITEMS = 100;

    AssessmentsProperties {
        extraTemplates = extraTemplates == null ? List.of() : List.copyOf(extraTemplates);
        scale = scale == null ? 4 : scale;
        if (scale < 2 || scale > 10) {
            throw new IllegalArgumentException("gardien.assessments.scale must be from 2 to 10");
        }
        systemsAfter = systemsAfter == null ? LocalDate.of(2023, 9, 22) : systemsAfter;
        remindEvery = remindEvery == null ? Duration.ofHours(6) : remindEvery;
        maxRisks = maxRisks == null ? MAX_ITEMS : maxRisks;
        maxMeasures = maxMeasures == null ? MAX_ITEMS : maxMeasures;
        if (maxRisks < 1 || maxMeasures < 1) {
            throw new IllegalArgumentException(
                    "gardien.assessments.max-risks and gardien.assessments.max-measures must be at least 1");
        }
    }
}
