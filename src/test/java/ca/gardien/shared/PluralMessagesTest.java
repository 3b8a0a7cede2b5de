package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Counts agree with their noun (issue 13, Plain words): every message of every bundle formatted with 1 for each
 * argument reads "1 entry", never "1 entries" (EN) or "1 points" (FR): messages that count use a choice format.
 */
class PluralMessagesTest {

    private static final Pattern ONE_PLURAL_EN = Pattern.compile("\\b1 (?:[a-z]+ )?([a-z]+s)\\b");
    private static final Pattern ONE_PLURAL_FR = Pattern.compile("\\b1 (?:[a-zéè]+ )?([a-zéè]+[sx])\\b");

    /** Words ending in s that are not plurals, or counts of something else (a version, a reference). */
    private static final Set<String> NOT_PLURAL = Set.of(
            "is",
            "was",
            "has",
            "as",
            "its",
            "this",
            "us",
            "plus",
            "dans",
            "sous",
            "pas",
            "vous",
            "nous",
            "est",
            "process",
            "access",
            "address",
            "business",
            "status",
            "sans",
            "après",
            "depuis",
            "mois",
            "fois",
            "choix");

    /**
     * The messages that count things: the dashboard's tiles and figures, the ledger check, file sizes (validation
     * limits and names passed as arguments are not counts).
     */
    private static final Pattern COUNTING =
            Pattern.compile("^(dashboard\\..*|.*\\.tile\\..*|ledger\\.valid|crq\\.files\\.size)$");

    @Test
    void aCountOfOneIsSingularInEveryBundle() throws IOException {
        var wrong = new ArrayList<String>();
        for (var basename : Bundles.basenames()) {
            for (var suffix : new String[] {"", "_en"}) {
                var props = new Properties();
                var path = "/" + basename + suffix + ".properties";
                try (var in = PluralMessagesTest.class.getResourceAsStream(path)) {
                    if (in == null) {
                        continue;
                    }
                    props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
                }
                var locale = suffix.isEmpty() ? Locale.CANADA_FRENCH : Locale.CANADA;
                var pattern = suffix.isEmpty() ? ONE_PLURAL_FR : ONE_PLURAL_EN;
                for (var key : props.stringPropertyNames()) {
                    var text = props.getProperty(key);
                    if (!text.contains("{0") || !COUNTING.matcher(key).matches()) {
                        continue;
                    }
                    String formatted;
                    try {
                        formatted = new MessageFormat(text, locale).format(new Object[] {1, 1, 1, 1, 1, 1});
                    } catch (IllegalArgumentException e) {
                        continue; // a date or a choice of another kind: not a count
                    }
                    var m = pattern.matcher(formatted);
                    while (m.find()) {
                        if (!NOT_PLURAL.contains(m.group(1))) {
                            wrong.add(path + " " + key + ": " + formatted);
                        }
                    }
                }
            }
        }
        assertThat(wrong).isEmpty();
    }
}
