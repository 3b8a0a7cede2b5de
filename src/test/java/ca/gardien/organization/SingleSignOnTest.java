package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import com.jayway.jsonpath.JsonPath;
import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

/**
 * Single sign-on against a real OpenID Connect server, over HTTP as a browser would go (without a browser, so that it
 * always runs): the return from the provider signs the person in whether the provider is on the same site or on
 * another one (where the browser leaves the {@code SameSite=Strict} session cookie behind), accounts are linked by
 * issuer and subject, roles follow the provider, and logout reaches the provider's end-session endpoint.
 */
@ExtendWith(OutputCaptureExtension.class)
class SingleSignOnTest extends SingleSignOnSupport {

    private SsoBrowser signIn(String registration, IdpPerson person) throws Exception {
        nextSignIn(registration, person);
        var browser = new SsoBrowser(person.subject());
        var page = browser.go(gardien() + "/oauth2/authorization/" + registration);
        assertThat(page.uri().getPath()).as("went %s", browser.visited).isEqualTo("/console");
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).as("signed in").contains("action=\"/logout\"");
        return browser;
    }

    private static Map<String, Object> payload(Map<String, Object> entry) {
        return JsonPath.parse((String) entry.get("payload")).read("$");
    }

    @Test
    void signsInAnOfficerThroughAProviderOnTheSameSite() throws Exception {
        var person = IdpPerson.of(OFFICERS, "everyone");

        var browser = signIn("local", person);

        assertThat(browser.go(gardien() + "/console/accounts").statusCode()).isEqualTo(200);
        var account = linkedAccount(SAME_SITE + "/local", person).orElseThrow();
        assertThat(accounts.byId(account).roles()).containsExactly(Role.PRIVACY_OFFICER);
        assertThat(accounts.byId(account).passwordHash())
                .as("no password: no login form")
                .isNull();
        var signedIn = awaitLedgerEntry("account.signed-in", account);
        assertThat(payload(signedIn))
                .containsEntry("method", "oidc")
                .containsEntry("registration", "local")
                .containsEntry("issuer", SAME_SITE + "/local");
        var created = awaitLedgerEntry("account.created", account);
        assertThat(payload(created)).containsEntry("roles", "PRIVACY_OFFICER").containsEntry("signIn", "oidc");
    }

    @Test
    void signsInThroughAProviderOnAnotherSiteThoughTheSessionCookieStaysBehind() throws Exception {
        var person = IdpPerson.of(AUDITORS);
        nextSignIn("corp", person);
        var browser = new SsoBrowser(person.subject());

        var page = browser.go(gardien() + "/oauth2/authorization/corp");

        assertThat(page.uri().getPath()).as("went %s", browser.visited).isEqualTo("/console");
        assertThat(page.body()).as("signed in").contains("action=\"/logout\"");
        assertThat(browser.responseFrom(gardien() + "/login/oauth2/code/corp").statusCode())
                .as("the callback answers with a page that moves on: a redirect would stay in the provider's chain")
                .isEqualTo(200);
        var started = browser.responseFrom(gardien() + "/oauth2/authorization/corp");
        assertThat(started.headers().allValues("Set-Cookie"))
                .anySatisfy(c -> assertThat(c)
                        .startsWith(SealedAuthorizationRequests.COOKIE + "=")
                        .contains("Path=/login/oauth2/code/", "HttpOnly", "SameSite=Lax", "Max-Age=300"));
        var callback = browser.responseFrom(gardien() + "/login/oauth2/code/corp");
        assertThat(callback.headers().allValues("Set-Cookie"))
                .as("the session cookie is not weakened")
                .anySatisfy(c -> assertThat(c).startsWith("JSESSIONID=").contains("SameSite=Strict", "HttpOnly"))
                .anySatisfy(c -> assertThat(c).startsWith("GARDIEN_SSO=;").contains("Max-Age=0"));
        var account = linkedAccount(CROSS_SITE + "/corp", person).orElseThrow();
        assertThat(accounts.byId(account).roles()).containsExactly(Role.AUDITOR);
        assertThat(payload(awaitLedgerEntry("account.signed-in", account))).containsEntry("registration", "corp");
    }

    @Test
    void theSamePersonComesBackToTheSameAccountWithTheRolesTheProviderNowGives() throws Exception {
        var person = IdpPerson.of(OFFICERS);
        signIn("corp", person);
        var account = linkedAccount(CROSS_SITE + "/corp", person).orElseThrow();

        var browser = signIn("corp", person.withRoles(AUDITORS));

        assertThat(linkedAccount(CROSS_SITE + "/corp", person)).contains(account);
        assertThat(accounts.byId(account).roles()).containsExactly(Role.AUDITOR);
        assertThat(browser.go(gardien() + "/console/accounts").statusCode()).isEqualTo(403);
        var changed = awaitLedgerEntry("account.roles-changed", account);
        assertThat(payload(changed)).containsEntry("from", "PRIVACY_OFFICER").containsEntry("to", "AUDITOR");
        assertThat(actorId(changed)).isEqualTo("identity-provider");
    }

    @Test
    void aLocalAccountWithTheSameUsernameIsNotTakenOver() throws Exception {
        var local = person(Role.PRIVACY_OFFICER);
        var person =
                new IdpPerson(java.util.UUID.randomUUID().toString(), local.username(), java.util.List.of(AUDITORS));

        signIn("corp", person);

        var account = accounts.byId(linkedAccount(CROSS_SITE + "/corp", person).orElseThrow());
        assertThat(account.id()).isNotEqualTo(local.id());
        assertThat(account.username()).isEqualTo(local.username() + "-2");
        assertThat(accounts.byId(local.id()).roles()).containsExactly(Role.PRIVACY_OFFICER);
        login(local.username(), local.password()); // the local holder still signs in with their password
    }

    @Test
    void refusesAPersonWhoseClaimMapsToNoRoleWithAPageOfItsOwn(CapturedOutput output) throws Exception {
        var person = IdpPerson.of("everyone", "privacy-office-readers");
        nextSignIn("corp", person);
        var browser = new SsoBrowser(person.subject());

        var page = browser.go(gardien() + "/oauth2/authorization/corp");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=no-role");
        assertThat(page.body())
                .contains("ne donne aucun rôle dans Gardien")
                .contains("Les administrateurs trouvent la raison détaillée dans le journal")
                .doesNotContain("mot de passe invalide");
        assertThat(linkedAccount(CROSS_SITE + "/corp", person)).isEmpty();
        var refused = awaitLedgerEntry(
                "account.sign-in-failed",
                e -> person.subject().equals(payload(e).get("subject")));
        assertThat(payload(refused))
                .containsEntry("method", "oidc")
                .containsEntry("reason", "no-role")
                .containsEntry("issuer", CROSS_SITE + "/corp");
        assertThat(output.getAll())
                .contains("Single sign-on through 'corp' refused: no-role")
                .contains("none of the 2 values of the roles claim is mapped to a role")
                .doesNotContain(person.subject())
                .doesNotContain(person.preferredUsername());
    }

    @Test
    void aDisabledAccountIsRefusedAtItsNextSignIn() throws Exception {
        var person = IdpPerson.of(AUDITORS);
        signIn("corp", person);
        var account = linkedAccount(CROSS_SITE + "/corp", person).orElseThrow();
        accounts.setEnabled(account, false, ca.gardien.shared.Actor.SYSTEM);
        nextSignIn("corp", person);

        var page = new SsoBrowser(person.subject()).go(gardien() + "/oauth2/authorization/corp");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?sso=disabled");
        var refused = awaitLedgerEntry("account.sign-in-failed", account);
        assertThat(payload(refused)).containsEntry("reason", "disabled");
    }

    @Test
    void anOpenSingleSignOnSessionEndsWhenItsAccountIsDisabled() throws Exception {
        var person = IdpPerson.of(AUDITORS);
        var browser = signIn("corp", person);
        var account = linkedAccount(CROSS_SITE + "/corp", person).orElseThrow();

        accounts.setEnabled(account, false, ca.gardien.shared.Actor.SYSTEM);

        var page = browser.go(gardien() + "/console");
        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?expired");
        assertThat(awaitLedgerEntry("account.session-ended", account)).isNotNull();
    }

    @Test
    void logoutReachesTheProvidersEndSessionEndpoint() throws Exception {
        var browser = signIn("corp", IdpPerson.of(AUDITORS));
        var console = browser.go(gardien() + "/console");

        var page = browser.post(gardien() + "/logout", console.body(), "");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?logout");
        // a page that moves on by itself, not a redirect: the form's CSP (form-action 'self') would block that
        var logout = browser.responseFrom(gardien() + "/logout");
        assertThat(logout.statusCode()).isEqualTo(200);
        assertThat(logout.headers().firstValue("Cache-Control")).contains("no-store");
        var endSession = browser.visited.stream()
                .filter(u -> u.startsWith(CROSS_SITE + "/corp/endsession?"))
                .findFirst()
                .orElseThrow(() -> new AssertionError("logout never reached the provider: " + browser.visited));
        assertThat(URLDecoder.decode(endSession, StandardCharsets.UTF_8))
                .contains("id_token_hint=")
                .contains("post_logout_redirect_uri=" + gardien() + "/login?logout");
        assertThat(providerRequest("/corp/endsession").getPath()).contains("id_token_hint=");
        assertThat(browser.go(gardien() + "/console").uri().getPath()).isEqualTo("/login");
    }

    @Test
    void aLocalAccountLogsOutLocally() throws Exception {
        var local = person(Role.AUDITOR);
        var browser = new SsoBrowser();
        var login = browser.go(gardien() + "/login");
        var console = browser.post(
                gardien() + "/login", login.body(), "username=" + local.username() + "&password=" + local.password());
        assertThat(console.uri().getPath()).isEqualTo("/console");

        var page = browser.post(gardien() + "/logout", console.body(), "");

        assertThat(page.uri().toString()).isEqualTo(gardien() + "/login?logout");
        assertThat(browser.visited).noneMatch(u -> u.contains("endsession"));
    }
}
