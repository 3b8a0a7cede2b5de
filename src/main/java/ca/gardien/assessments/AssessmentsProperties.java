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
 */
@ConfigurationProperties("gardien.assessments")
record AssessmentsProperties(List<String> extraTemplates, Integer scale, LocalDate systemsAfter, Duration remindEvery) {

    AssessmentsProperties {
        extraTemplates = extraTemplates == null ? List.of() : List.copyOf(extraTemplates);
        scale = scale == null ? 4 : scale;
        if (scale < 2 || scale > 10) {
            throw new IllegalArgumentException("gardien.assessments.scale must be from 2 to 10");
        }
        systemsAfter = systemsAfter == null ? LocalDate.of(2023, 9, 22) : systemsAfter;
        remindEvery = remindEvery == null ? Duration.ofHours(6) : remindEvery;
    }
}
