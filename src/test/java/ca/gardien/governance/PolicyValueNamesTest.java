package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * A policy section is refused at save time when it names a variable {@link PolicyValues} does not fill (its line would
 * vanish from the policy): the list of known names and the values filled are kept in step, both ways.
 */
class PolicyValueNamesTest {

    @Test
    void everyValueFilledIsAKnownNameAndEveryKnownNameIsFilled() throws Exception {
        var source = Files.readString(Path.of("src/main/java/ca/gardien/governance/PolicyValues.java"));
        var filled = Pattern.compile("values\\.put\\(\\s*\"([a-zA-Z.]+)\"")
                .matcher(source)
                .results()
                .map(m -> m.group(1))
                .distinct()
                .toList();

        assertThat(filled).hasSizeGreaterThan(10);
        assertThat(PolicyValues.NAMES).containsExactlyInAnyOrderElementsOf(filled);
    }
}
