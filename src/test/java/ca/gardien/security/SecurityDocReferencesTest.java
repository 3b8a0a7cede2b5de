package ca.gardien.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The documentation names the tests that show what it claims (docs/security.md above all: a test per finding of issue
 * 11 and per ASVS requirement met). A test renamed, moved or deleted fails the build here until the page follows.
 */
class SecurityDocReferencesTest {

    static final Path SECURITY = Path.of("docs/security.md");

    static final DocReferences SOURCES = DocReferences.of(Path.of("src/test/java"), Path.of("src/main/java"));

    @Test
    void everyTestClassAndMethodThatAPageNamesExists() throws IOException {
        var broken = new ArrayList<DocReferences.Reference>();
        int references = 0;
        for (var page : pages()) {
            var text = Files.readString(page);
            references += DocReferences.references(page.toString(), text).size();
            broken.addAll(SOURCES.broken(page.toString(), text));
        }

        assertThat(broken)
                .as("references to tests that do not exist in src/test/java (rename them on the page)")
                .isEmpty();
        assertThat(references).as("references read from the pages").isGreaterThan(300);
    }

    @Test
    void namesEveryMissingClassOrMethodAndTheLineItIsOn() {
        var page = """
                | 1.1 | met | `RoleMatrixTest#noOperationAnswersAServerErrorToAnyCaller`, `security/RoleMatrixTest` |
                | 1.2 | met | `ForwardedHttpsNativeTest#aForwardedHttpsPageHasHstsAndASecureSessionCookie` (inherited) |
                | 1.3 | met | `RoleMatrixTest#noSuchBehaviour`, `NoSuchThingTest`, `ledger/RoleMatrixTest` |
                Legend: `Class#method`, `INIT`, `SecretBox`, `RoleMatrix#noSuchMethod`
                """;

        assertThat(SOURCES.broken("page.md", page))
                .extracting(DocReferences.Reference::toString)
                .containsExactly(
                        "page.md:3: `RoleMatrixTest#noSuchBehaviour`",
                        "page.md:3: `NoSuchThingTest`",
                        "page.md:3: `ledger/RoleMatrixTest`",
                        "page.md:4: `RoleMatrix#noSuchMethod`");
    }

    /** Section 1.4: each finding of issue 11 has a row, and the row names a test that reproduces it. */
    @Test
    void everyFindingOfIssue11HasARowNamingItsTests() throws IOException {
        var section = Files.readString(SECURITY).split("### 1\\.4 ", 2)[1].split("\n## ", 2)[0];
        var tests = new TreeMap<String, List<String>>();
        for (var row : section.lines().filter(l -> l.startsWith("| ")).toList()) {
            var cells = row.split("\\|");
            var named = DocReferences.references("security.md", cells[cells.length - 1]).stream()
                    .filter(DocReferences.Reference::namesATest)
                    .map(r -> r.type() + (r.method().isEmpty() ? "" : "#" + r.method()))
                    .toList();
            Pattern.compile("\\b([CHML][1-9])\\b")
                    .matcher(cells[1])
                    .results()
                    .forEach(m -> tests.computeIfAbsent(m.group(1), f -> new ArrayList<>())
                            .addAll(named));
        }

        assertThat(tests.keySet())
                .containsExactlyInAnyOrder(
                        "C1", "H1", "H2", "M1", "M2", "M3", "M4", "M5", "L1", "L2", "L3", "L4", "L5", "L6", "L7", "L8");
        assertThat(tests)
                .allSatisfy((finding, named) -> assertThat(named)
                        .as("tests named for finding " + finding)
                        .isNotEmpty());
        assertThat(section).doesNotContain("pending merge");
    }

    /** Section 3's summary lists exactly the requirements its tables say are not met, or partly met. */
    @Test
    void theSummaryListsEveryRequirementNotMetOrPartlyMetAndNoOther() throws IOException {
        var page = Files.readString(SECURITY);
        var byStatus = new TreeMap<String, List<String>>();
        var row = Pattern.compile("(?m)^\\| (\\d+\\.\\d+\\.\\d+[^|]*?) \\| [^|]* \\| ([^|]+?) \\|");
        row.matcher(page)
                .results()
                .forEach(m -> byStatus.computeIfAbsent(m.group(2), s -> new ArrayList<>())
                        .addAll(List.of(m.group(1).split(", "))));
        var summary = page.substring(page.indexOf("### Summary: not met yet, by number"));

        assertThat(byStatus.keySet()).containsExactlyInAnyOrder("met", "met, untested", "partly", "not met", "n/a");
        assertThat(listed(summary, "Not met")).isEqualTo(byStatus.get("not met"));
        assertThat(listed(summary, "Partly")).isEqualTo(byStatus.get("partly"));
    }

    private static List<String> listed(String summary, String status) {
        var item = summary.split("- \\*\\*" + status + ":\\*\\* ", 2)[1].split("\\.\\s*(\n-|\n*$)", 2)[0];
        return List.of(item.replaceAll("\\s+", " ").split(", "));
    }

    static List<Path> pages() throws IOException {
        try (var docs = Files.walk(Path.of("docs"))) {
            return Stream.concat(
                            Stream.of(Path.of("README.md")),
                            docs.filter(p -> p.toString().endsWith(".md")).sorted())
                    .toList();
        }
    }
}
