package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/**
 * The YAML data-map import as {@code POST /api/v1/inventory/plan} and {@code /apply} run it, fuzzed: any document
 * either becomes a plan against the current map or is refused with its mistakes ({@link InvalidDataMapException},
 * a 400 naming each path) — never another exception (a 500) — and within a bounded time. An accepted document also
 * survives the export: written back as YAML and read again, it is the same map. Regression inputs are in
 * {@code src/test/resources/ca/gardien/inventory/DataMapYamlFuzzTestInputs/}; fuzz with
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest='DataMapYamlFuzzTest'}.
 */
class DataMapYamlFuzzTest {

    /** Far above what a few kilobytes of YAML need (milliseconds); a document that takes longer is a finding. */
    static final Duration BOUND = Duration.ofSeconds(2);

    /** The demo organization's map stands for the current one: plans then add, change and remove. */
    private static final DataMap CURRENT = Inventory.parse(DemoDataMap.document());

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "subjectCategories:",
        "piCategories:",
        "purposes:",
        "legalBases:",
        "retentionRules:",
        "systems:",
        "thirdParties:",
        "accessRoles:",
        "processingActivities:",
        "transfers:",
        "datasets:",
        "tables:",
        "columns:",
        "- id: ",
        "name: ",
        "sensitive: true",
        "identity: email",
        "erasure: ",
        "references: ",
        "&a ",
        "*a",
        "<<: ",
        "!!binary ",
        "!!str ",
        "? ",
        "---",
        "null",
        "[]",
        "{}"
    })
    void aDocumentIsAPlanOrItsMistakesWithinTheBound(byte[] input) {
        var yaml = new String(input, StandardCharsets.UTF_8);
        long started = System.nanoTime();
        try {
            var map = Inventory.parse(yaml);
            var plan = Plan.between(CURRENT, map);
            assertThat(plan.changes()).allSatisfy(c -> assertThat(c.op()).isIn("add", "change", "remove"));
            assertThat(Inventory.parse(DataMapYaml.write(map)))
                    .as("the map read back from its own export")
                    .isEqualTo(map);
        } catch (InvalidDataMapException refused) {
            assertThat(refused.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.path()).isNotNull())
                    .allSatisfy(e -> assertThat(e.message()).isNotBlank());
        }
        assertThat(Duration.ofNanos(System.nanoTime() - started))
                .as("time to plan a document of %d bytes", input.length)
                .isLessThan(BOUND);
    }
}
