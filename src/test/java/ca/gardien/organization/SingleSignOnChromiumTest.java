package ca.gardien.organization;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.ChromiumSession;
import ca.gardien.support.HeadlessChromium;
import com.jayway.jsonpath.JsonPath;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Single sign-on in the system's Chromium, which applies SameSite as browsers do: Gardien at {@code localhost}, the
 * provider {@code corp} at {@code 127.0.0.1} (another site) and {@code local} at {@code localhost} (the same site). A
 * person clicks the provider's link on the login page and signs in on the provider's page (a real OpenID Connect
 * server), whose form post starts the way back: from {@code corp}, a cross-site navigation that leaves the session
 * cookie ({@code SameSite=Strict}) behind.
 */
class SingleSignOnChromiumTest extends SingleSignOnSupport {

    private static final Duration WAIT = Duration.ofSeconds(30);

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    /**
     * Opens the login page in a fresh browser, clicks "Sign in with" the registration's provider, and signs in on the
     * provider's page, whose form then sends the browser back to Gardien.
     */
    private ChromiumSession signIn(String registration, IdpPerson person) throws Exception {
        nextSignIn(registration, person);
        var browser = ChromiumSession.open(gardien() + "/login", profiles.resolve(person.subject()));
        try {
            browser.waitFor("document.getElementById('sso-" + registration + "')", WAIT);
            browser.evaluate("document.getElementById('sso-" + registration + "').click(); 'clicked'");
            browser.waitFor(
                    "location.pathname === '/" + registration + "/authorize' && document.querySelector('form')", WAIT);
            browser.evaluate("document.querySelector('input[name=username]').value = '" + person.subject() + "';"
                    + "document.querySelector('form').submit(); 'signing in'");
            return browser;
        } catch (RuntimeException | InterruptedException e) {
            browser.close();
            throw e;
        }
    }

    private static void open(ChromiumSession browser, String path) throws InterruptedException {
        browser.evaluate("location.href = '" + path + "'; 'going'");
        browser.waitFor("location.pathname === '" + path + "' && document.readyState === 'complete'", WAIT);
    }

    /** The HTTP status of the page the browser shows. */
    private static String status(ChromiumSession browser) {
        return browser.evaluate("String(performance.getEntriesByType('navigation')[0].responseStatus)");
    }

    private static Map<String, Object> payload(Map<String, Object> entry) {
        return JsonPath.parse((String) entry.get("payload")).read("$");
    }

    @Test
    void anOfficerSignsInThroughAProviderOnAnotherSiteAndReachesTheOfficerPages() throws Exception {
        var person = IdpPerson.of(OFFICERS);
        try (var browser = signIn("corp", person)) {
            browser.waitFor(
                    "location.pathname === '/console' && document.querySelector('a[href=\"/console/accounts\"]')",
                    WAIT);

            open(browser, "/console/accounts");

            assertThat(status(browser)).isEqualTo("200");
        }
        var account = linkedAccount(CROSS_SITE + "/corp", person).orElseThrow();
        var fact = awaitLedgerEntry("account.signed-in", account);
        assertThat(payload(fact)).containsEntry("method", "oidc").containsEntry("registration", "corp");
        assertThat((String) fact.get("payload")).doesNotContain("eyJ").doesNotContain("secret");
    }

    @Test
    void anAuditorSignsInThroughAProviderOnTheSameSiteReadsAndIsRefusedAWrite() throws Exception {
        var person = IdpPerson.of(AUDITORS);
        try (var browser = signIn("local", person)) {
            browser.waitFor("location.pathname === '/console' && document.readyState === 'complete'", WAIT);

            open(browser, "/console/inventory");
            assertThat(status(browser)).isEqualTo("200");
            assertThat(browser.evaluate("String(!!document.querySelector('button[name=action]'))"))
                    .as("no plan or apply button for an auditor")
                    .isEqualTo("false");
            browser.evaluate("""
                    fetch('/console/inventory', {method: 'POST', body: new URLSearchParams({
                        _csrf: document.querySelector('form[action="/console/inventory"] input[name=_csrf]').value,
                        yaml: 'version: 1', action: 'apply'})}).then(r => window.refusedWith = r.status); 'posted'""");
            browser.waitFor("window.refusedWith", WAIT);
            assertThat(browser.evaluate("String(window.refusedWith)")).isEqualTo("403");

            open(browser, "/console/accounts");
            assertThat(status(browser)).isEqualTo("403");
        }
        var account = linkedAccount(SAME_SITE + "/local", person).orElseThrow();
        assertThat(accounts.byId(account).roles()).containsExactly(Role.AUDITOR);
        assertThat(payload(awaitLedgerEntry("account.signed-in", account))).containsEntry("registration", "local");
    }

    @Test
    void aPersonWhoseClaimMapsToNoRoleIsRefusedWithAPageOfItsOwn() throws Exception {
        var person = IdpPerson.of("everyone");
        try (var browser = signIn("corp", person)) {
            browser.waitFor("document.getElementById('sso-refusal')", WAIT);

            assertThat(browser.evaluate("location.search")).isEqualTo("?sso=no-role");
            assertThat(browser.evaluate("document.getElementById('sso-refusal').textContent"))
                    .contains("ne donne aucun rôle dans Gardien");
            assertThat(browser.evaluate("document.body.textContent")).doesNotContain("mot de passe invalide");
        }
        var refused = awaitLedgerEntry(
                "account.sign-in-failed",
                e -> person.subject().equals(payload(e).get("subject")));
        assertThat(payload(refused)).containsEntry("reason", "no-role").containsEntry("method", "oidc");
        assertThat((String) refused.get("payload")).doesNotContain("eyJ").doesNotContain(person.preferredUsername());
    }

    @Test
    void logoutEndsTheSessionAtTheProviderToo() throws Exception {
        try (var browser = signIn("corp", IdpPerson.of(AUDITORS))) {
            browser.waitFor(
                    "location.pathname === '/console' && document.querySelector('form[action=\"/logout\"] button')",
                    WAIT);

            browser.evaluate("document.querySelector('form[action=\"/logout\"] button').click(); 'signing out'");

            browser.waitFor("location.pathname === '/login' && location.search === '?logout'", WAIT);
            assertThat(providerRequest("/corp/endsession").getPath())
                    .contains("id_token_hint=")
                    .contains("post_logout_redirect_uri=");
            browser.evaluate("location.href = '/console'; 'going'");
            browser.waitFor("location.pathname === '/login' && document.readyState === 'complete'", WAIT);
        }
    }
}
