package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.requests.RequestStatus;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Every action the code appends to the evidence ledger has a label in words, in French and in English, so that the
 * dashboard and the timeline never show a raw action name. The actions are read from the sources: the literal action
 * of each {@code Evidence.of}/{@code new Evidence}, the steps of the requests' {@code facts.record}, the statuses a
 * request moves to, and the literals passed to a module's own {@code (…, String action, …)} helper.
 */
class LedgerLabelsTest {

    private static final Pattern EVIDENCE = Pattern.compile(
            "(?:Evidence\\.of\\(|new Evidence\\()\\s*(?:[^,\";]+,\\s*){2,3}\"([a-z][a-z0-9._-]*\\.[a-z0-9._-]+)\"");
    /** A module's facts helper ({@code "requests." + step}) and the steps its package passes to it. */
    private static final Pattern STEP_PREFIX = Pattern.compile("\"([a-z]+)\\.\" \\+ step\\b");

    /** A step's first argument, up to its comma: a literal, or a choice of literals ({@code lock ? "a" : "b"}). */
    private static final Pattern STEP = Pattern.compile("(?:facts\\.record|\\bfact)\\(\\s*([^,;()]*),");

    private static final Pattern PREFIX = Pattern.compile("\"([a-z]+)\\.\" \\+ action");
    private static final Pattern HELPER = Pattern.compile("private \\w+ (\\w+)\\(([^)]*)String action");
    private static final Pattern LITERAL = Pattern.compile("\"([a-z][a-z0-9._-]*)\"");

    static Set<String> appendedActions() throws IOException {
        var actions = new TreeSet<String>();
        var stepPrefixes = new java.util.HashMap<Path, String>();
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                STEP_PREFIX
                        .matcher(Files.readString(file))
                        .results()
                        .findFirst()
                        .ifPresent(m -> stepPrefixes.put(file.getParent(), m.group(1) + "."));
            }
        }
        try (var files = Files.walk(Path.of("src/main/java"))) {
            for (var file : files.filter(f -> f.toString().endsWith(".java")).toList()) {
                if (file.endsWith(Path.of("ca/gardien/ledger/Evidence.java"))) {
                    continue;
                }
                var source = Files.readString(file);
                EVIDENCE.matcher(source).results().forEach(m -> actions.add(m.group(1)));
                var stepPrefix = stepPrefixes.get(file.getParent());
                if (stepPrefix != null) {
                    STEP.matcher(source)
                            .results()
                            .forEach(m -> LITERAL.matcher(m.group(1))
                                    .results()
                                    .forEach(l -> actions.add(stepPrefix + l.group(1))));
                }
                var prefix = PREFIX.matcher(source).results().findFirst().map(m -> m.group(1) + ".");
                for (var helper : HELPER.matcher(source).results().toList()) {
                    int before =
                            (int) helper.group(2).chars().filter(c -> c == ',').count();
                    var call =
                            Pattern.compile("\\b" + helper.group(1) + "\\(\\s*(?:[^,;]+,\\s*){" + before + "}([^;]*);");
                    for (var c : call.matcher(source).results().toList()) {
                        var literals = LITERAL.matcher(c.group(1))
                                .results()
                                .map(l -> l.group(1))
                                .toList();
                        if (prefix.isPresent()) {
                            if (c.group(1).startsWith("\"")) {
                                actions.add(prefix.get() + literals.getFirst());
                            }
                        } else {
                            literals.stream().filter(l -> l.contains(".")).forEach(actions::add);
                        }
                    }
                }
            }
        }
        Arrays.stream(RequestStatus.values())
                .map(s -> "requests." + s.name().toLowerCase(Locale.ROOT).replace('_', '-'))
                .forEach(actions::add);
        return actions;
    }

    private static Properties bundle(String name) throws IOException {
        var properties = new Properties();
        try (var in = LedgerLabelsTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            properties.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return properties;
    }

    @Test
    void theScanFindsTheActionsOfEveryKindOfCallSite() throws IOException {
        assertThat(appendedActions())
                .contains(
                        "requests.received",
                        "requests.code-sent",
                        "requests.verification-failed",
                        "requests.verification-locked",
                        "requests.deemed-refused",
                        "consent.recorded",
                        "account.disabled",
                        "account.signed-in",
                        "opencompliance.callback-delivered",
                        "inventory.notice-approved",
                        "incidents.assessed",
                        "complaints.received")
                .hasSizeGreaterThan(50);
    }

    @Test
    void everyAppendedActionHasAFrenchAndAnEnglishLabel() throws IOException {
        var french = bundle("ledger");
        var english = bundle("ledger_en");
        var actions = appendedActions();
        assertThat(actions.stream().filter(a -> !french.containsKey("ledger.action." + a)))
                .as("actions without a French label in i18n/ledger.properties")
                .isEmpty();
        assertThat(actions.stream().filter(a -> !english.containsKey("ledger.action." + a)))
                .as("actions without an English label in i18n/ledger_en.properties")
                .isEmpty();
        assertThat(english.keySet()).isEqualTo(french.keySet());
    }
}
