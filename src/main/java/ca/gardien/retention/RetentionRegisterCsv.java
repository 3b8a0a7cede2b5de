package ca.gardien.retention;

import ca.gardien.shared.Listing;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The register of anonymizations as CSV: the information anonymized, the purposes, the techniques, the security
 * measures, the qualified person, the dates of every risk analysis and the last conclusion; cells guarded against
 * spreadsheet formulas.
 */
@Component
class RetentionRegisterCsv {

    private static final List<String> COLUMNS = List.of(
            "rule", "information", "purposes", "techniques", "security", "supervisor", "analyses", "conclusion");

    private final RetentionAnonymizations register;
    private final MessageSource messages;

    RetentionRegisterCsv(RetentionAnonymizations register, MessageSource messages) {
        this.register = register;
        this.messages = messages;
    }

    /** The register as CSV, one row per entry, headers in the caller's language. */
    String csv(Locale locale) {
        var out = new StringBuilder();
        out.append(COLUMNS.stream()
                        .map(c -> Listing.quote(messages.getMessage("retention.register." + c, null, c, locale)))
                        .collect(Collectors.joining(",")))
                .append("\r\n");
        for (var e : register.all()) {
            var dates =
                    e.analyses().stream().map(a -> a.analysedOn().toString()).collect(Collectors.joining("; "));
            var conclusion = e.latest()
                    .map(a -> messages.getMessage(
                            "retention.register.very-low." + a.veryLow(), null, String.valueOf(a.veryLow()), locale))
                    .orElse("");
            out.append(List.of(
                                    e.rule(),
                                    e.information(),
                                    e.purposes(),
                                    e.techniques(),
                                    e.securityMeasures(),
                                    e.supervisor(),
                                    dates,
                                    conclusion)
                            .stream()
                            .map(Listing::quote)
                            .collect(Collectors.joining(",")))
                    .append("\r\n");
        }
        return out.toString();
    }
}
