package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A dispatched run reported done by hand (POST /api/v1/connectors/runs/{id}/complete) is checked as the webhook's
 * callback is (attacker's review: {@code {"counts":{"t":-1}}} was recorded as -1 rows erased, and table names holding
 * markup, NUL and direction overrides were kept as step names).
 */
class RunCountsTest {

    @Test
    void aNegativeCountOrATableNameHidingSomethingIsRefusedNamingTheField() {
        var counts = new LinkedHashMap<String, Long>();
        counts.put("customer", -1L);
        counts.put("<script>\u202e\u0000", 3L);
        counts.put("x".repeat(201), 1L);
        assertThatThrownBy(() -> RunCounts.checked(counts))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("counts.customer", "counts", "counts"));
    }

    @Test
    void plainCountsAreKeptAndAMissingCountIsZero() {
        var counts = new LinkedHashMap<String, Long>();
        counts.put("customer", 2L);
        counts.put("orders", null);
        assertThat(RunCounts.checked(counts)).isEqualTo(Map.of("customer", 2L, "orders", 0L));
        assertThat(RunCounts.checked(null)).isEmpty();
    }

    @Test
    void aReportsCountsAreWholeNumbersWrittenAsSuchUnderTablesThatSaySomething() throws Exception {
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThat(RunCounts.parse(json.readTree("{\"customer\": 3}"))).isEqualTo(Map.of("customer", 3L));
        for (var body : new String[] {"{\"t\": 1.5}", "{\"t\": \"5\"}", "{\"t\": null}", "{\"t\": 1e3}"}) {
            assertThatThrownBy(() -> RunCounts.parse(json.readTree(body)))
                    .as(body)
                    .isInstanceOfSatisfying(
                            InvalidInputException.class,
                            e -> assertThat(e.errors())
                                    .extracting(FieldError::field)
                                    .containsExactly("counts.t"));
        }
        assertThatThrownBy(() -> RunCounts.parse(json.readTree("{\"\u00a0\": 1}")))
                .isInstanceOf(InvalidInputException.class);
        var many = new StringBuilder("{");
        for (int i = 0; i <= RunCounts.MAX_TABLES; i++) {
            many.append(i == 0 ? "" : ",").append("\"t").append(i).append("\":1");
        }
        assertThatThrownBy(() -> RunCounts.parse(json.readTree(many.append("}").toString())))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::key)
                                .containsExactly("connectors.field.counts-many"));
    }

    @Test
    void countsThatWouldWrapTheRunsTotalAroundAreRefused() throws Exception {
        // attacker's review: two counts of Long.MAX_VALUE and one of 2 were recorded in the ledger as 0 rows in all
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        assertThatThrownBy(() -> RunCounts.parse(
                        json.readTree("{\"a\": 9223372036854775807, \"b\": 9223372036854775807, \"c\": 2}")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("counts.a", "counts.b"));
        assertThat(RunCounts.parse(json.readTree("{\"a\": " + RunCounts.MAX_ROWS + "}")))
                .containsEntry("a", RunCounts.MAX_ROWS);
    }

    @Test
    void aTableNameThatHidesSomethingIsNamedByItsPlaceNeverEchoed() throws Exception {
        // attacker's re-check: the problem's field repeated the key sent, override, NUL, markup and 5,000 characters
        var json = tools.jackson.databind.json.JsonMapper.builder().build();
        var key = "\\u202eevil\\u0000<img src=x>" + "A".repeat(5000);
        assertThatThrownBy(() -> RunCounts.parse(json.readTree("{\"" + key + "\": \"x\"}")))
                .isInstanceOfSatisfying(
                        InvalidInputException.class,
                        e -> assertThat(e.errors())
                                .extracting(FieldError::field)
                                .containsExactly("counts"));
    }
}
