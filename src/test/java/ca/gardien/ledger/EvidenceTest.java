package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class EvidenceTest {

    private static final Instant NOW = Instant.parse("2026-11-29T12:00:00Z");

    @Test
    void refusesAPayloadThatWouldNotFitTheStoredColumn() {
        var payload = new HashMap<String, String>();
        for (int i = 0; i < 4; i++) {
            payload.put("k" + i, "x".repeat(999));
        }

        assertThatIllegalArgumentException()
                .isThrownBy(() -> Evidence.of(NOW, Actor.SYSTEM, "test.fact", "thing", "1", payload))
                .withMessageContaining("total at most");
    }

    @Test
    void acceptsAPayloadAtTheLimit() {
        var payload = Map.of("a", "x".repeat(999), "b", "y".repeat(999), "c", "z".repeat(999), "d", "w".repeat(499));

        assertThat(Evidence.of(NOW, Actor.SYSTEM, "test.fact", "thing", "1", payload)
                        .payload())
                .hasSize(4);
    }

    @Test
    void refusesControlCharactersAndBadKeys() {
        assertThatIllegalArgumentException()
                .isThrownBy(
                        () -> Evidence.of(NOW, Actor.SYSTEM, "test.fact", "thing", "1", Map.of("a", "line\nbreak")));
        assertThatIllegalArgumentException()
                .isThrownBy(() -> Evidence.of(NOW, Actor.SYSTEM, "test.fact", "thing", "1", Map.of("1bad", "v")));
    }
}
