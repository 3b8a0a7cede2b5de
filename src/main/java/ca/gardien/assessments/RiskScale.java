package ca.gardien.assessments;

import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The risk scale: likelihood and severity each from 1 to {@code gardien.assessments.scale}; a risk's rating is their
 * product, read as low (under a quarter of the highest product), medium (under half) or high.
 */
@Component
class RiskScale {

    private final AssessmentsProperties properties;
    private final MessageSource messages;

    RiskScale(AssessmentsProperties properties, MessageSource messages) {
        this.properties = properties;
        this.messages = messages;
    }

    int size() {
        return properties.scale();
    }

    String level(int likelihood, int severity) {
        double share = (double) likelihood * severity / (properties.scale() * properties.scale());
        return share >= 0.5 ? "high" : share >= 0.25 ? "medium" : "low";
    }

    /** E.g. "3 × 4 = 12 / 16 (high)" in the reader's language. */
    String describe(int likelihood, int severity, Locale locale) {
        return messages.getMessage(
                "assessments.risk.described",
                new Object[] {
                    likelihood,
                    severity,
                    likelihood * severity,
                    properties.scale() * properties.scale(),
                    messages.getMessage("assessments.level." + level(likelihood, severity), null, locale)
                },
                locale);
    }
}
