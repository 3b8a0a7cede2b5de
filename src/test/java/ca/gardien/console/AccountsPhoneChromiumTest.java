package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import ca.gardien.support.TestPasswords;
import java.nio.file.Path;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The accounts page on a phone (officer's walk at 390 px, 2026-12-06: the table scrolled sideways with no cue, the
 * roles were cut, the status and "disable" off-screen, "save the roles" cut mid-word): each account reads as a card,
 * nothing scrolls sideways, every button is whole and on the screen.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class AccountsPhoneChromiumTest {

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
    void eachAccountReadsAsACardWithNothingOffScreenAt390() throws Exception {
        var username = "phone-" + UUID.randomUUID().toString().substring(0, 8);
        var initial = TestPasswords.fresh("initial");
        var password = TestPasswords.fresh("chosen");
        var account = accounts.create(username, "Officer", initial, Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM);
        accounts.changeOwnPassword(account.id(), initial, password);
        try (var browser = PageAudit.open("http://127.0.0.1:" + port, profiles.resolve("phone"))) {
            var page = browser.session();
            browser.signIn(username, password);
            browser.viewport(PageAudit.PHONE_WIDTH, PageAudit.PHONE_HEIGHT);
            browser.go("/locale?lang=fr&return=/console/accounts");
            browser.go("/console/accounts");
            assertThat(browser.pageWidth())
                    .as("the page at 390 px: %s", browser.widestElements())
                    .isLessThanOrEqualTo(PageAudit.PHONE_WIDTH);
            assertThat(page.evaluate("(() => { const t = document.getElementById('accounts');"
                            + " return String(t.scrollWidth <= t.clientWidth + 1); })()"))
                    .as("the table itself does not scroll sideways")
                    .isEqualTo("true");
            var cut = page.evaluate("(() => { const w = document.documentElement.clientWidth; const out = [];"
                    + " for (const b of document.querySelectorAll('#accounts button, #accounts label.check')) {"
                    + " const r = b.getBoundingClientRect();"
                    + " if (r.right > w + 1 || b.scrollWidth > b.clientWidth + 1) out.push(b.textContent.trim()); }"
                    + " return out.join(' | '); })()");
            assertThat(cut).as("buttons and roles cut or off-screen").isEmpty();
            assertThat(page.evaluate("getComputedStyle(document.querySelector('#accounts thead')).position"))
                    .as("the column names move into each card")
                    .isEqualTo("absolute");
            assertThat(page.evaluate("document.querySelector('#accounts td.wide').getAttribute('data-label')"))
                    .isEqualTo("Rôles");
            assertThat(browser.seriousAxeViolations()).isEmpty();
        }
    }
}
