package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The ledger shows an object as its kind followed by its name ({@code ledger.object.*}, then the words that name it):
 * a name never begins by saying the kind again (officer's walk: « Passage de conservation passage du 2026-12-07 … »,
 * "Retention run run of rule …", « Exécution d’un connecteur exécution du … »), in French and in English.
 */
class LedgerObjectNamesTest {

    /** The names the modules publish for a kind, by a key of their own ({@code shared.ObjectNames}). */
    private static final Map<String, String> OWN_KEYS = Map.of(
            "retention.hold.named", "retention-hold",
            "governance.named.commitment", "commitment",
            "governance.named.record.DELEGATION", "officer-record",
            "governance.named.record.SUBSTITUTE", "officer-record",
            "governance.named.record.ABSENCE", "officer-record",
            "ledger.name.inventory.data-map", "inventory",
            "ledger.name.organization.profile", "organization");

    /** Short words a kind and its name may share without saying the kind twice. */
    private static final Set<String> SMALL = Set.of("the", "and", "des", "les", "une", "aux", "for");

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = LedgerObjectNamesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "_en"})
    void noObjectNameBeginsBySayingItsKindAgain(String language) throws IOException {
        var ledger = bundle("ledger" + language);
        var others = bundle("messages" + language);
        others.putAll(bundle("governance" + language));
        var names = new java.util.TreeMap<String, String>(); // key -> object kind
        for (var key : ledger.stringPropertyNames()) {
            if (key.startsWith("ledger.named.") && !key.contains(".state.")) {
                var kind = key.substring("ledger.named.".length()).split("\\.")[0];
                if (ledger.containsKey("ledger.object." + kind)) {
                    names.put(key, kind);
                }
            } else if (key.startsWith("ledger.mail.")) {
                names.put(key, "mail-message");
            }
        }
        names.putAll(OWN_KEYS);
        assertThat(names).containsKeys("ledger.named.retention-run", "ledger.named.connector-run");
        var repeated = new ArrayList<String>();
        names.forEach((key, kind) -> {
            var label = ledger.getProperty("ledger.object." + kind);
            var name = ledger.getProperty(key, others.getProperty(key));
            assertThat(name).as(key).isNotNull();
            var first = firstWord(name);
            if (first != null && words(label).contains(first)) {
                repeated.add(label + " " + name + " (" + key + ")");
            }
        });
        assertThat(repeated).as("objects whose name repeats their kind").isEmpty();
    }

    /** The first word of a name, lower case; null when it starts with what it quotes or with an argument. */
    private static String firstWord(String name) {
        var trimmed = name.strip();
        if (trimmed.isEmpty() || !Character.isLetter(trimmed.codePointAt(0))) {
            return null; // "« {0} »", "{0} — {1}", "(profil)": a title or a value after the kind
        }
        return trimmed.split("[^\\p{L}]+")[0].toLowerCase(Locale.ROOT);
    }

    private static Set<String> words(String label) {
        return Arrays.stream(label.toLowerCase(Locale.ROOT).split("[^\\p{L}]+"))
                .filter(w -> w.length() >= 3 && !SMALL.contains(w))
                .collect(Collectors.toSet());
    }
}
