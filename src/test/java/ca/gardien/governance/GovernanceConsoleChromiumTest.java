package ca.gardien.governance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import ca.gardien.support.TestPasswords;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * In the system's Chromium: the person in charge edits a section of the privacy policy in the console (a refused edit
 * comes back open in its section with what was typed, the error next to its field and the focus on it), sends the
 * version to review, approves and publishes it; the public page shows the new text, and so does the embedding snippet
 * on a page served by another origin (another host and port). The governance pages pass axe-core.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class GovernanceConsoleChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void theOfficerEditsApprovesAndPublishesAndAnotherOriginEmbedsTheNewVersion() throws Exception {
        var username = "governance-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var account = accounts.create(username, "Officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        var marker = "Marque " + UUID.randomUUID().toString().substring(0, 8);
        var problems = new ArrayList<String>();
        var host = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        var embedding = """
                <!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Another site</title></head>
                <body><main><div id="gardien-policy"></div>
                <script src="http://127.0.0.1:%d/privacy/policy/embed.js" data-target="gardien-policy" data-lang="en"
                 async></script></main></body></html>""".formatted(port).getBytes(StandardCharsets.UTF_8);
        host.createContext("/", exchange -> {
            exchange.getResponseHeaders().add("Content-Type", "text/html; charset=utf-8");
            exchange.sendResponseHeaders(200, embedding.length);
            try (var out = exchange.getResponseBody()) {
                out.write(embedding);
            }
        });
        host.start();
        try (var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve("officer"))) {
            var page = browser.session();
            browser.signIn(username, password);
            browser.go("/locale?lang=fr&return=/console/governance/policies");
            problems.addAll(browser.seriousAxeViolations());
            browser.go("/console/governance/policies/privacy-policy");
            // to a draft that follows a published version (the first start has only version 1, never published)
            while (!page.evaluate("document.querySelector('main').dataset.status + ' '"
                            + " + !!document.querySelector('main').dataset.diffFrom")
                    .equals("DRAFT true")) {
                var next = page.evaluate(
                        "['review','approve','publish','new-draft'].find(id => document.getElementById(id)) || ''");
                assertThat(next).as("the next step of the policy").isNotEmpty();
                click(browser, next);
            }
            var path = page.evaluate("location.pathname");
            // refused (the French heading emptied): the section's form comes back open with the paragraph added, the
            // error next to its field, the focus on the refusal in the section
            var heading = page.evaluate("document.getElementById('headingFr-s15').value");
            page.evaluate("document.querySelector('#s15 details').open = true;"
                    + "document.getElementById('headingFr-s15').value = '';"
                    + "document.getElementById('fr-s15').value += '\\n\\nParagraphe ajouté " + marker + "';"
                    + "window.__auditOld = true;"
                    + "HTMLFormElement.prototype.submit.call(document.getElementById('edit-s15')); 'sent'");
            page.waitFor(
                    "!window.__auditOld && document.readyState === 'complete' && document.getElementById('refused')",
                    PageAudit.WAIT);
            assertThat(page.evaluate("location.hash")).isEqualTo("#refused");
            assertThat(page.evaluate("String(document.querySelector('#s15 details').open)"))
                    .isEqualTo("true");
            assertThat(page.evaluate("document.getElementById('fr-s15').value"))
                    .endsWith("Paragraphe ajouté " + marker);
            assertThat(page.evaluate("document.getElementById('headingFr-s15').getAttribute('aria-describedby')"))
                    .isEqualTo("headingFr-s15-error");
            assertThat(page.evaluate("document.querySelector('#s15 #headingFr-s15-error').textContent"))
                    .isEqualTo("Ce champ est obligatoire.");
            page.waitFor("document.activeElement && document.activeElement.id === 'refused'", PageAudit.WAIT);
            assertThat(page.evaluate("document.activeElement.closest('section').id"))
                    .isEqualTo("s15");
            problems.addAll(browser.seriousAxeViolations());
            page.evaluate("document.getElementById('headingFr-s15').value = " + jsString(heading) + ";"
                    + "document.querySelector('#s15 details').open = true;"
                    + "document.getElementById('fr-s15').value = 'Texte français : " + marker + "';"
                    + "document.getElementById('en-s15').value = 'English text: " + marker + "';"
                    + "window.__auditOld = true;"
                    + "document.getElementById('edit-s15').requestSubmit(); 'sent'");
            page.waitFor("!window.__auditOld && document.getElementById('done')", PageAudit.WAIT);
            assertThat(page.evaluate("document.getElementById('s15').textContent"))
                    .contains(marker);
            assertThat(page.evaluate("location.pathname")).isEqualTo(path);
            problems.addAll(browser.seriousAxeViolations());
            click(browser, "review");
            assertThat(page.evaluate("document.getElementById('diff').textContent"))
                    .contains("+ ", marker);
            click(browser, "approve");
            assertThat(page.evaluate("sessionStorage.getItem('asked') || ''"))
                    .as("approving asks first (officer's tour)")
                    .startsWith("Approuver la version ");
            click(browser, "publish");
            assertThat(page.evaluate("sessionStorage.getItem('asked') || ''"))
                    .as("publishing asks first")
                    .startsWith("Publier la version ");
            assertThat(page.evaluate("document.querySelector('main').dataset.status"))
                    .isEqualTo("PUBLISHED");
            assertThat(page.evaluate("document.getElementById('done').textContent"))
                    .as("what was done, in words (officer's re-check: « C’est consigné. »)")
                    .startsWith("La version est publiée");
            var version = page.evaluate("document.querySelector('main').dataset.version");

            browser.go("/privacy/policy?lang=fr");
            assertThat(page.evaluate("document.querySelector('main').dataset.version"))
                    .isEqualTo(version);
            assertThat(page.evaluate("document.getElementById('s15').textContent"))
                    .contains(marker);
            problems.addAll(browser.seriousAxeViolations());

            page.evaluate("window.__auditOld = true; 'marked'");
            page.command(
                    "Page.navigate",
                    Map.of("url", "http://localhost:" + host.getAddress().getPort() + "/"));
            page.waitFor("!window.__auditOld && document.querySelector('#gardien-policy article')", PageAudit.WAIT);
            assertThat(page.evaluate("location.origin")).isNotEqualTo("http://127.0.0.1:" + port);
            assertThat(page.evaluate("document.querySelector('#gardien-policy article').dataset.version"))
                    .isEqualTo(version);
            assertThat(page.evaluate("document.getElementById('gardien-policy').textContent"))
                    .contains("English text: " + marker);

            for (var console : new String[] {
                "/console/governance/person-in-charge",
                "/console/governance/training",
                "/console/governance/registers",
                "/console/governance/providers",
                path
            }) {
                assertThat(browser.go(console)).as(console).isEqualTo(200);
                problems.addAll(browser.seriousAxeViolations());
            }
        } finally {
            host.stop(0);
        }
        assertThat(problems).isEmpty();
    }

    /** A JavaScript string literal of the text. */
    private static String jsString(String text) {
        return "'" + text.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    /** Presses a step's button (its form posts, the page comes back with what was done). */
    /** Clicks a step's button, answering yes to the question it asks first (data-confirm), which it keeps. */
    private static void click(PageAudit browser, String id) throws InterruptedException {
        browser.session()
                .evaluate("window.__auditOld = true; sessionStorage.removeItem('asked');"
                        + "window.confirm = q => { sessionStorage.setItem('asked', q); return true; };"
                        + "document.getElementById('" + id + "').click(); 'clicked'");
        browser.session()
                .waitFor(
                        "!window.__auditOld && document.readyState === 'complete'"
                                + " && (document.getElementById('done') || document.getElementById('refused'))",
                        PageAudit.WAIT);
        assertThat(browser.session()
                        .evaluate("document.getElementById('refused') ? "
                                + "document.getElementById('refused').textContent : ''"))
                .as("refusal after " + id)
                .isEmpty();
    }
}
