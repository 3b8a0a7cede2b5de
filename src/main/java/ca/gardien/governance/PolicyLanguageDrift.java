package ca.gardien.governance;

import ca.gardien.shared.Language;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The sections of a version whose French changed since the text it started from and whose English did not, or the
 * reverse: the other language is probably stale. The version page lists them until the version is approved. The text
 * it started from: the last published version, else the version before it, else the shipped template.
 */
final class PolicyLanguageDrift {

    /** A section changed in one language only: its heading in the page's language and the language left as it was. */
    record Drift(String key, String heading, Language unchanged) {}

    private PolicyLanguageDrift() {}

    static List<Drift> between(List<PolicySection> startedFrom, PolicyVersion version, Language language) {
        Map<String, PolicySection> before =
                startedFrom.stream().collect(Collectors.toMap(PolicySection::key, Function.identity(), (a, b) -> a));
        return version.sections().stream()
                .filter(s -> before.containsKey(s.key()))
                .flatMap(s -> {
                    var old = before.get(s.key());
                    boolean frenchChanged = !Objects.equals(old.headingFr(), s.headingFr())
                            || !Objects.equals(old.templateFr(), s.templateFr());
                    boolean englishChanged = !Objects.equals(old.headingEn(), s.headingEn())
                            || !Objects.equals(old.templateEn(), s.templateEn());
                    if (frenchChanged == englishChanged) {
                        return java.util.stream.Stream.empty();
                    }
                    return java.util.stream.Stream.of(new Drift(
                            s.key(), s.heading(language), frenchChanged ? Language.ENGLISH : Language.FRENCH));
                })
                .toList();
    }
}
