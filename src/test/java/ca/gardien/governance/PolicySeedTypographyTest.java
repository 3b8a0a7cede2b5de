package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** The French of the demo privacy policy, published as is, follows French typography. */
class PolicySeedTypographyTest {

    /** A straight apostrophe, or a ; : ? ! without the narrow no-break space before it (a URL's colon excepted). */
    private static final Pattern NOT_FRENCH = Pattern.compile("'|[^\\u202F][;?!](?=\\s|$)|[^\\u202F]:(?=\\s|$)");

    @Test
    void theFrenchPrivacyPolicyUsesTheTypographicApostropheAndNarrowSpaces() {
        var sections = PolicySeed.sections(PolicySeed.PRIVACY_POLICY);

        assertThat(sections).isNotEmpty();
        for (var section : sections) {
            assertThat(section.headingFr()).doesNotContainPattern(NOT_FRENCH);
            for (var line : section.templateFr().split("\n")) {
                assertThat(line).as(section.key()).doesNotContainPattern(NOT_FRENCH);
            }
        }
    }
}
