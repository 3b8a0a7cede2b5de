package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The one rule for a path of this site a page sends a browser back to. */
class LocalPathsTest {

    @Test
    void aPathOfThisSiteWithEncodedCharactersIsLocal() {
        assertThat(LocalPaths.local("/console/connectors/crm%20principal")).isTrue();
        assertThat(LocalPaths.local("/privacy/requests/new")).isTrue();
        assertThat(LocalPaths.local("/")).isTrue();
    }

    @Test
    void anotherHostADotSegmentOrAnEncodedSeparatorIsNot() {
        for (var path : new String[] {
            null,
            "",
            "console",
            "//evil.example",
            "/a/../b",
            "/a/./b",
            "/%2e%2e/x",
            "/a%2Fb",
            "/a%2fb",
            "/a%5Cb",
            "/a%zz",
            "/a%2",
            "/a%",
            "javascript:alert(1)",
            "/a b",
            "/a?b=c",
            "/a#b",
            "/a\\b",
            "/é"
        }) {
            assertThat(LocalPaths.local(path)).as(path).isFalse();
        }
    }

    @Test
    void aVeryLongPathIsRefusedWithoutRecursingOncePerCharacter() {
        assertThat(LocalPaths.local("/" + "a".repeat(LocalPaths.MAX - 1))).isTrue();
        assertThat(LocalPaths.local("/" + "a".repeat(LocalPaths.MAX))).isFalse();
        // a regular expression over this recursed per character: a StackOverflowError (attacker's review)
        assertThat(LocalPaths.local("/" + "%41".repeat(200_000))).isFalse();
    }
}
