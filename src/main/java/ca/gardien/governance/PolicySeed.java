package ca.gardien.governance;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.core.io.ClassPathResource;

/**
 * Reads a policy template shipped as a resource ({@code governance/<name>_fr.txt} and {@code _en.txt}): a section
 * starts at a line {@code == key | heading}, its body runs to the next one, lines starting with {@code # } are comments.
 * Both languages must hold the same keys in the same order.
 */
final class PolicySeed {

    /** The reference customer's privacy policy, shipped as the demo document. */
    static final String PRIVACY_POLICY = "privacy-policy";

    private PolicySeed() {}

    static List<PolicySection> sections(String name) {
        var fr = parse(read(name + "_fr.txt"));
        var en = parse(read(name + "_en.txt"));
        if (!List.copyOf(fr.keySet()).equals(List.copyOf(en.keySet()))) {
            throw new IllegalStateException(
                    "the French and English templates of " + name + " differ in their sections");
        }
        var sections = new ArrayList<PolicySection>();
        fr.forEach((key, f) -> {
            var e = en.get(key);
            sections.add(new PolicySection(key, f[0], e[0], f[1], e[1], null, null));
        });
        return List.copyOf(sections);
    }

    static Map<String, String[]> parse(String source) {
        var sections = new LinkedHashMap<String, String[]>();
        String key = null;
        String heading = null;
        var body = new StringBuilder();
        for (var line : source.split("\n", -1)) {
            if (line.startsWith("# ")) {
                continue;
            }
            if (line.startsWith("== ")) {
                if (key != null) {
                    sections.put(key, new String[] {heading, body.toString().strip()});
                }
                var bar = line.indexOf(" | ");
                key = line.substring(3, bar).strip();
                heading = line.substring(bar + 3).strip();
                body.setLength(0);
            } else {
                body.append(line).append('\n');
            }
        }
        if (key != null) {
            sections.put(key, new String[] {heading, body.toString().strip()});
        }
        return sections;
    }

    private static String read(String file) {
        try (var in = new ClassPathResource("governance/" + file).getInputStream()) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
