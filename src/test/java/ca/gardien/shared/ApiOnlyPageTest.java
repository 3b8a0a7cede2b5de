package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.Role;
import ca.gardien.support.RawHttp.Answer;
import ca.gardien.support.TestPasswords;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * An OpenCompliance controller's account signed in to the console (attacker's review F3: such an account opens no
 * console page): the container's 403 page says the account is for the OpenCompliance API only and leads to its
 * password page, the one page it opens, not to a dashboard it may not see. On a real Tomcat, as MockMvc never reaches
 * the container's error page.
 */
class ApiOnlyPageTest extends RealTomcatEdge {

    private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

    @Test
    void aControllersSignInIsToldOnEveryConsolePageThatTheAccountIsForTheOpenComplianceApiOnly() throws Exception {
        var controller = signIn(Role.CONTROLLER);
        for (var page : List.of("/console", "/console/requests", "/console/tokens")) {
            var answer = http.get(page, "Accept: text/html", "Cookie: " + controller);
            assertThat(answer.status()).as(page).isEqualTo(403);
            assertThat(answer.body())
                    .as(page)
                    .contains("Compte réservé à l’API OpenCompliance", "POST /api/v1/tokens")
                    .contains("id=\"api-only-password\" href=\"/console/password\"")
                    .doesNotContain(
                            "Votre rôle ne permet pas", "href=\"/console/requests\"", "Retour au tableau de bord");
        }
        var password = http.get("/console/password", "Accept: text/html", "Cookie: " + controller);
        assertThat(password.status()).isEqualTo(200);
        assertThat(password.body()).doesNotContain("href=\"/console/requests\"");

        var auditor = signIn(Role.AUDITOR); // a person whose role does not open a page is told so, as before
        var refused = http.get("/console/accounts", "Accept: text/html", "Cookie: " + auditor);
        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.body()).contains("Votre rôle ne permet pas").doesNotContain("API OpenCompliance");
    }

    /** Signs in through the login form, as a browser does; the session cookie ({@code name=value}). */
    private String signIn(Role role) throws Exception {
        var username = "edge-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var account = accounts.create(username, "Edge", initial, Set.of(role), Actor.SYSTEM);
        var chosen = TestPasswords.fresh("chosen");
        accounts.changeOwnPassword(account.id(), initial, chosen);

        var form = http.get("/login", "Accept: text/html");
        var token = CSRF.matcher(form.body());
        assertThat(token.find()).as("the login form's anti-forgery token").isTrue();
        var body = ("username=" + encode(username) + "&password=" + encode(chosen) + "&_csrf=" + encode(token.group(1)))
                .getBytes(StandardCharsets.US_ASCII);
        Answer signedIn = http.send(
                "POST",
                "/login",
                List.of(
                        "Content-Type: application/x-www-form-urlencoded",
                        "Content-Length: " + body.length,
                        "Cookie: " + cookie(form)),
                out -> out.write(body));
        assertThat(signedIn.status()).isEqualTo(302);
        assertThat(signedIn.header("Location"))
                .as("a person lands on the dashboard, a controller's system on its password page, the only one it has")
                .singleElement()
                .asString()
                .endsWith(role == Role.CONTROLLER ? "/console/password" : "/console");
        return cookie(signedIn);
    }

    private static String encode(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8);
    }

    private static String cookie(Answer answer) {
        return answer.header("Set-Cookie").getFirst().split(";", 2)[0];
    }
}
