package ca.gardien.inventory;

import ca.gardien.shared.Language;
import java.util.Locale;

/**
 * How long information is kept (s. 23): an ISO-8601 {@code duration} counted from a {@code trigger} event, the legal
 * minimum and its source where a law imposes one, and what happens at the end ({@code destroy} or {@code anonymize}).
 * {@code legalSource} is in French, as the map's texts are; {@code legalSourceEn}, when given, is its English form for
 * English pages and certificates.
 */
public record RetentionRule(
        String id,
        Text name,
        String duration,
        String trigger,
        String legalMinimum,
        String legalSource,
        String disposal,
        String legalSourceEn)
        implements DataMap.Item {

    /** The legal source in this language: the English form when there is one, else as written; null when none. */
    public String legalSource(Locale locale) {
        var english = ca.gardien.shared.PlainText.saysNothing(legalSourceEn) ? legalSource : legalSourceEn;
        return Language.of(locale).pick(legalSource, english);
    }
}
