package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.connectors.runs.RunOutcomes;
import ca.gardien.connectors.webhook.CallbackController;
import ca.gardien.connectors.webhook.WebhookSignature;
import ca.gardien.shared.InvalidInputException;
import com.code_intelligence.jazzer.junit.DictionaryEntries;
import com.code_intelligence.jazzer.junit.FuzzTest;
import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * The webhook callback ({@code POST /connectors/callbacks/{runId}}), fuzzed in its two steps: the signature check
 * accepts exactly the HMAC of the body under the connector's key with a timestamp within five minutes, and never
 * throws; a signed body is then either counts or a failure, or a 400 naming the field, and nothing else. Regression
 * inputs are in {@code src/test/resources/ca/gardien/connectors/WebhookCallbackFuzzTestInputs/}; fuzz one method with
 * {@code JAZZER_FUZZ=1 ./mvnw test -Dtest='WebhookCallbackFuzzTest#signedBodyIsCountsOrAFailureOrAFieldError'}.
 */
class WebhookCallbackFuzzTest {

    static final String KEY = "webhook-key-for-fuzzing-0123456789";
    static final Instant NOW = Instant.parse("2026-12-03T15:00:00Z");

    /**
     * Input: the timestamp header, a line feed, the signature header, a line feed, the body. The oracle is the
     * definition: {@code sha256=} and the hex HMAC-SHA-256 of {@code timestamp.body}, the timestamp being 1-12 ASCII
     * digits of epoch seconds within five minutes of now.
     */
    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({"1796310000", "sha256=", "{\"counts\":{\"customer\":1}}", "{\"failure\":\"x\"}"})
    void acceptsExactlyTheSignatureOfTheBody(byte[] input) {
        var parts = new String(input, StandardCharsets.UTF_8).split("\n", 3);
        var timestamp = parts[0];
        var signature = parts.length > 1 ? parts[1] : null;
        var body = parts.length > 2 ? parts[2] : "";

        boolean accepted = WebhookSignature.valid(KEY, timestamp, signature, body, NOW);

        boolean recent = timestamp.matches("[0-9]{1,12}")
                && Math.abs(Long.parseLong(timestamp) - NOW.getEpochSecond()) <= WebhookSignature.TOLERANCE.toSeconds();
        boolean expected = recent
                && WebhookSignature.sign(KEY, Long.parseLong(timestamp), body).equals(signature);
        assertThat(accepted).as("signature accepted").isEqualTo(expected);
    }

    @FuzzTest(maxDuration = "10m")
    @DictionaryEntries({
        "{\"counts\":",
        "{\"failure\":",
        "\"customer\"",
        "9223372036854775807",
        "-1",
        "1e3",
        "1.0",
        "null",
        "\\u0000",
        "\\ud800"
    })
    void signedBodyIsCountsOrAFailureOrAFieldError(byte[] input) {
        var body = new String(input, StandardCharsets.UTF_8);
        try {
            var callback = CallbackController.parse(body);
            assertThat(callback.counts() == null)
                    .as("exactly one of counts and failure")
                    .isNotEqualTo(callback.failure() == null);
            if (callback.failure() != null) {
                assertThat(callback.failure())
                        .isNotBlank()
                        .hasSizeLessThanOrEqualTo(RunOutcomes.MAX_REASON)
                        .doesNotContainPattern("\\p{Cntrl}");
            } else {
                assertThat(callback.counts()).allSatisfy((table, rows) -> {
                    assertThat(table).isNotBlank().hasSizeLessThanOrEqualTo(200);
                    assertThat(rows).isNotNegative();
                });
            }
        } catch (InvalidInputException badBody) {
            // a count's error names its table, which may hold any character (a line feed too): JSON escapes it
            assertThat(badBody.errors())
                    .isNotEmpty()
                    .allSatisfy(e -> assertThat(e.field()).matches("(?s)body|counts(\\..*)?|failure"));
        }
    }
}
