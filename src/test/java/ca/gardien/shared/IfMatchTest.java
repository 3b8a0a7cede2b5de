package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/** An If-Match header read as RFC 9110 writes it: {@code *}, or a list of entity tags that may hold empty elements. */
class IfMatchTest {

    @Test
    void readsAStarAListAndEmptyElements() {
        assertThat(IfMatch.of("*").any()).isTrue();
        assertThat(IfMatch.of("\"a\", W/\"b\"").tags()).containsExactly("a", "b");
        assertThat(IfMatch.of(", \"a\",, \"b\" ,").tags()).containsExactly("a", "b");
        assertThat(IfMatch.of(null)).isNull();
    }

    @Test
    void refusesWhatIsNoListOfEntityTagsNamingTheHeader() {
        for (var header :
                List.of("", ",", " , ", "a", "\"a", "\"a\" x", "*, \"a\"", "\"a\"," + " ".repeat(7_000) + "x")) {
            assertThatThrownBy(() -> IfMatch.of(header))
                    .as("[%s]", header.length() > 20 ? header.substring(0, 20) + "…" : header)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors().getFirst().field()).isEqualTo(IfMatch.HEADER));
        }
    }

    @Test
    void matchesTheVersionsItNames() {
        assertThat(IfMatch.of("\"a\", \"b\"").matches("b")).isTrue();
        assertThat(IfMatch.of("\"a\"").matches("b")).isFalse();
        assertThat(IfMatch.of("*").matches(null)).isFalse();
    }
}
