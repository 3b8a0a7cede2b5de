package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;

import com.jayway.jsonpath.JsonPath;
import jakarta.servlet.http.Cookie;
import java.net.URI;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * When a single sign-on fails, the administrator can tell why: each reason has its own message on the login page
 * (never the wrong-password one), a WARN line in the log, and a ledger fact, none of them with a token or a secret.
 */
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnFailuresTest extends SingleSignOnSupport {

    private final Instant started = Instant.now();

    private static Map<String, Object> payload(Map<String, Object> entry) {
        return JsonPath.parse((String) entry.get("payload")).read("$");
    }

    /** The failure fact recorded since this test started for this registration and reason. */
    private Map<String, Object> failure(String registration, String reason) {
        var entry = awaitLedgerEntry(
                "account.sign-in-failed",
                e -> !Instant.parse((String) e.get("occurredAt")).isBefore(started)
                        && registration.equals(payload(e).get("registration"))
                        && reason.equals(payload(e).get("reason")));
        assertThat(payload(entry)).containsEntry("method", "oidc");
        assertThat((String) entry.get("payload"))
                .doesNotContain("eyJ")
                .doesNotContain("client-secret")
                .doesNotContain("code=");
        return entry;
    }

    private static String refusal(String page) {
        var start = page.indexOf("id=\"sso-refusal\"");
        assertThat(start).as("a refusal message on the page").isPositive();
        return page.substring(start, page.indexOf("</div>", start));
    }

    @Test
    void aProviderThatCannotBeReachedIsNamedAsSuch(CapturedOutput output) throws Exception {
        nextSignIn("corp", IdpPerson.of(OFFICERS));

        var page = new SsoBrowser().go(gardien() + "/oauth2/authorization/down");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=idp-unreachable");
        assertThat(refusal(page.body())).contains("Gardien n’a pas pu joindre le fournisseur d’identité");
        assertThat(page.body()).doesNotContain("mot de passe invalide");
        assertThat(output.getAll())
                .containsPattern("WARN .*Single sign-on through 'down' refused: idp-unreachable "
                        + "\\(error invalid_token_response.*cause [A-Za-z]+Exception\\)");
        assertThat(payload(failure("down", "idp-unreachable"))).containsEntry("issuer", CROSS_SITE + "/corp");
    }

    @Test
    void anIdTokenFromAnotherIssuerIsAnIssuerMismatch(CapturedOutput output) throws Exception {
        nextSignIn("other", IdpPerson.of(OFFICERS));

        var page = new SsoBrowser().go(gardien() + "/oauth2/authorization/mismatch");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=issuer-mismatch");
        assertThat(refusal(page.body())).contains("un autre émetteur");
        assertThat(output.getAll())
                .containsPattern(
                        "Single sign-on through 'mismatch' refused: issuer-mismatch \\(error invalid_id_token: "
                                + ".*iss=" + CROSS_SITE + "/other");
        failure("mismatch", "issuer-mismatch");
    }

    @Test
    void anIdTokenSignedWithAnotherKeyIsInvalid(CapturedOutput output) throws Exception {
        nextSignIn("corp", IdpPerson.of(OFFICERS));

        var page = new SsoBrowser().go(gardien() + "/oauth2/authorization/badsig");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=invalid-token");
        assertThat(output.getAll())
                .contains("Single sign-on through 'badsig' refused: invalid-token (error invalid_id_token: An error "
                        + "occurred while attempting to decode the Jwt");
        failure("badsig", "invalid-token");
    }

    @Test
    void aPersonWhoDeclinesAtTheProviderIsToldSo() throws Exception {
        var browser = new SsoBrowser();
        var toProvider = browser.once(gardien() + "/oauth2/authorization/corp");
        var state = UriComponentsBuilder.fromUri(
                        URI.create(toProvider.headers().firstValue("Location").orElseThrow()))
                .build()
                .getQueryParams()
                .getFirst("state");

        var page = browser.go(gardien() + "/login/oauth2/code/corp?error=access_denied&state=" + state);

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=access-denied");
        assertThat(refusal(page.body())).contains("Vous avez refusé l’accès");
        failure("corp", "access-denied");
    }

    @Test
    void anAnswerThatNoSignInInThisBrowserAwaitsIsRefused(CapturedOutput output) throws Exception {
        var elsewhere = new SsoBrowser();
        var toProvider = elsewhere.once(gardien() + "/oauth2/authorization/corp");
        var query = URI.create(toProvider.headers().firstValue("Location").orElseThrow())
                .getRawQuery();
        var state = UriComponentsBuilder.fromUriString("http://x/?" + query)
                .build()
                .getQueryParams()
                .getFirst("state");

        var page = new SsoBrowser().go(gardien() + "/login/oauth2/code/corp?code=stolen-code&state=" + state);

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=request-expired");
        assertThat(refusal(page.body())).contains("commencée il y a trop longtemps ou dans un autre navigateur");
        assertThat(output.getAll()).contains("refused: request-expired (error authorization_request_not_found)");
        failure("corp", "request-expired");
    }

    @Test
    void aCallbackForAnUnknownRegistrationRecordsNothingItNames() throws Exception {
        var page = new SsoBrowser().go(gardien() + "/login/oauth2/code/made-up-Name?code=x&state=y");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=request-expired");
        var entry = failure("unknown", "request-expired");
        assertThat(entry.toString()).doesNotContain("made-up-Name");
    }

    @Test
    void theLoginPageNamesKnownReasonsOnlyInFrenchOrEnglish() throws Exception {
        var page = new SsoBrowser().go(gardien() + "/login?sso=login.error");
        assertThat(page.body()).doesNotContain("id=\"sso-refusal\"");

        mvc.perform(get("/login").param("sso", "no-role").cookie(new Cookie("gardien-lang", "en")))
                .andExpect(content().string(containsString("your account there grants no role in Gardien")))
                .andExpect(content().string(containsString("This is not a password error")));
    }
}
