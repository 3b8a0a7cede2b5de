package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.YamlLimits;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * A data map is bounded before it is parsed (the YAML scanner's cost grows with the square of a line's length: a
 * 512 KB one-line comment took seconds), and the parser enforces the same bounds, nesting and aliases included.
 */
class DataMapYamlBoundsTest {

    private static List<MapError> errorsOf(String yaml) {
        var errors = new ArrayList<MapError>();
        DataMapYaml.read(yaml, errors);
        return errors;
    }

    @Test
    void refusesALongLineBeforeParsingIt() {
        long start = System.nanoTime();

        var errors = errorsOf("# " + "x".repeat(512 * 1024) + "\nsystems: []\n");

        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .extracting(MapError::key, MapError::arguments)
                        .containsExactly("inventory.map.line-too-long", List.of(YamlLimits.MAX_LINE)));
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofMillis(500));
    }

    @Test
    void refusesADocumentOverTheSizeBoundBeforeParsingIt() {
        var errors = errorsOf(("# " + "x".repeat(98) + "\n").repeat(11 * 1024) + "systems: []\n");

        assertThat(errors)
                .singleElement()
                .satisfies(e -> assertThat(e)
                        .extracting(MapError::key, MapError::arguments)
                        .containsExactly("inventory.map.too-long", List.of(YamlLimits.MAX_CHARS)));
    }

    @Test
    void refusesATextHidingSomethingAtItsPathAndKeepsADescriptionsLineEnds() {
        var yaml = """
                purposes:
                  - id: service
                    name: {fr: "Gestion \\u202Eseriaffa\\u202C", en: "Service\\u0000"}
                    description: {fr: "Une ligne.\\nUne autre.", en: "One line.\\nAnother."}
                """;

        assertThat(errorsOf(yaml))
                .extracting(MapError::path, MapError::key)
                .containsExactlyInAnyOrder(
                        org.assertj.core.groups.Tuple.tuple("purposes[0].name.fr", "inventory.map.control-characters"),
                        org.assertj.core.groups.Tuple.tuple("purposes[0].name.en", "inventory.map.control-characters"));
    }

    @Test
    void refusesNestingDeeperThanTheBound() {
        var deep = "systems: " + "[".repeat(YamlLimits.MAX_DEPTH + 5) + "]".repeat(YamlLimits.MAX_DEPTH + 5) + "\n";

        assertThat(errorsOf(deep))
                .singleElement()
                .satisfies(e -> assertThat(e.key()).isEqualTo("inventory.map.invalid-yaml"));
    }

    @Test
    void neverExpandsAliases() {
        var bomb = new StringBuilder("a0: &a0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i < 10; i++) {
            bomb.append("a%d: &a%d [".formatted(i, i))
                    .append(("*a" + (i - 1) + ", ").repeat(8))
                    .append("*a")
                    .append(i - 1)
                    .append("]\n");
        }
        long start = System.nanoTime();

        var errors = errorsOf(bomb.toString());

        assertThat(errors).extracting(MapError::key).containsOnly("inventory.map.unknown-field");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(1));
    }

    @Test
    void readsADocumentWithinTheBounds() {
        assertThat(errorsOf("systems: []\n")).isEmpty();
    }
}
