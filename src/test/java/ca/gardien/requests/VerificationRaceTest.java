package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.util.List;
import java.util.concurrent.Callable;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Issue 11, finding M3: the code limits hold under real parallelism. Every thread waits at one start gate, then all
 * call the service at once (the probe saw 17-24 guesses evaluated instead of 5, and 12 codes sent instead of 3).
 */
class VerificationRaceTest extends RequestsTestSupport {

    static final String NOT_VALID = "400:The code is not valid.";

    @Autowired
    IdentityVerification verification;

    @Autowired
    RequestsProperties properties;

    @Test
    void sixtyFourParallelGuessesEvaluateAtMostMaxAttemptsCodes() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", null);
        var code = lastCode(id, "requests.code");
        var wrong = code.equals("000000") ? "111111" : "000000";

        var outcomes = parallel(64, () -> verification.verify(id, IdentifierKind.EMAIL, wrong));

        int max = properties.verification().maxAttempts();
        assertThat(outcomes.stream().filter(NOT_VALID::equals)).hasSize(max);
        assertThat(outcomes).allMatch(o -> o.equals(NOT_VALID) || o.startsWith("429:"), "only refusals");
        assertThat(jdbc.sql("SELECT COUNT(*) FROM requests_identifier WHERE request_id = ? AND locked_until IS NOT NULL"
                                + " AND code_digest IS NULL")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .as("locked, and the right code no longer worth anything")
                .isEqualTo(1);
        awaitLedgerEntry("requests.verification-locked", id);
    }

    @Test
    void aHundredParallelSendsCreateAtMostTheHourlyLimitOfCodes() throws Exception {
        var id = submitted("{\"email\": \"" + email() + "\"}", "ACCESS", "QC", null); // the intake sent one
        var person = new Actor(Actor.Kind.SUBJECT, "request:" + id);

        var outcomes = parallel(100, () -> {
            verification.sendCode(id, IdentifierKind.EMAIL, person);
            return null;
        });

        int max = properties.verification().maxCodesPerHour();
        assertThat(outcomes.stream().filter("ok"::equals)).hasSize(max - 1);
        assertThat(outcomes).allMatch(o -> o.equals("ok") || o.startsWith("429:"), "only refusals");
        assertThat(outbox.about(id.toString()).stream().filter(m -> m.template().equals("requests.code")))
                .hasSize(max);
        assertThat(jdbc.sql("SELECT codes_sent FROM requests_identifier WHERE request_id = ?")
                        .param(id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(max);
    }

    /** Runs {@code n} calls at once; each outcome is {@code ok} or the refusal's status and detail. */
    static List<String> parallel(int n, Callable<?> call) throws Exception {
        return ca.gardien.support.AtOnce.results(n, i -> {
            try {
                call.call();
                return "ok";
            } catch (RequestProblem e) {
                return e.statusCode() + ":" + e.detail(ca.gardien.shared.Bundles.messages(), java.util.Locale.CANADA);
            }
        });
    }
}
