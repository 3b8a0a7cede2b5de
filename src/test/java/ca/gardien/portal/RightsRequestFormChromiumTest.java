package ca.gardien.portal;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.mail.Outbox;
import ca.gardien.requests.RequestType;
import ca.gardien.requests.Requests;
import ca.gardien.requests.RightsRequest;
import ca.gardien.support.ChromiumSession;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.PageAudit;
import java.nio.file.Path;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The public request form in the system's Chromium, driven as a person would: a mistake first (the error summary and
 * {@code aria-invalid} appear), then a correct submission, the code page, and the emailed code typed in.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class RightsRequestFormChromiumTest {

    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Requests requests;

    @Autowired
    Outbox outbox;

    @TempDir
    Path profiles;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
    }

    @Test
    void submitsTheFormInFrenchAndConfirmsTheIdentity() throws Exception {
        var request = submit("", "CESSATION_OF_DISSEMINATION", "fr", "Un code de confirmation part vers");
        assertThat(request.type()).isEqualTo(RequestType.CESSATION_OF_DISSEMINATION);
        assertThat(request.language()).isEqualTo("fr");
    }

    @Test
    void submitsTheFormInEnglishAndConfirmsTheIdentity() throws Exception {
        var request = submit("?lang=en", "ACCESS", "en", "A confirmation code is on its way");
        assertThat(request.type()).isEqualTo(RequestType.ACCESS);
        assertThat(request.language()).isEqualTo("en");
    }

    /**
     * The public's review: a refused form shows every error at once and takes the focus to their summary; its language
     * switch (a button of the form) shows it again in English with what was typed, nothing of it in the address.
     */
    @Test
    void aRefusedFormFocusesItsSummaryAndItsLanguageSwitchKeepsWhatWasTyped() throws Exception {
        try (var browser = ChromiumSession.open(
                "http://127.0.0.1:" + port + "/privacy/requests/new", profiles.resolve("switch"))) {
            browser.waitFor("document.getElementById('request-form')", WAIT);
            browser.evaluate("document.getElementById('details').value = 'Mon dossier client.';"
                    + "document.getElementById('submit-request').click(); 'sent'");
            browser.waitFor("document.activeElement && document.activeElement.id === 'error-summary'", WAIT);
            assertThat(browser.evaluate("document.querySelectorAll('#error-summary li').length"))
                    .isEqualTo("2");
            browser.evaluate("document.getElementById('email').value = 'someone@example.test';"
                    + "document.querySelector('header.lang button.link').click(); 'sent'");
            browser.waitFor("document.documentElement.lang === 'en'", WAIT);
            assertThat(browser.evaluate("document.getElementById('details').value"))
                    .isEqualTo("Mon dossier client.");
            assertThat(browser.evaluate("document.getElementById('email').value"))
                    .isEqualTo("someone@example.test");
            assertThat(browser.evaluate("location.pathname + location.search")).isEqualTo("/privacy/requests/language");
        }
    }

    /**
     * Officer's walk: Enter in a field switched the page to English (the header's language button was the form's first
     * submit button) instead of sending the request.
     */
    @Test
    void enterInAFieldSendsTheFormNotTheLanguageSwitch() throws Exception {
        var email = "enter-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        try (var browser =
                ChromiumSession.open("http://127.0.0.1:" + port + "/privacy/requests/new", profiles.resolve("enter"))) {
            browser.waitFor("document.getElementById('request-form')", WAIT);
            browser.evaluate("document.getElementById('type-ACCESS').click();"
                    + "document.getElementById('email').value = '" + email + "';"
                    + "document.getElementById('email').focus(); 'typed'");
            for (var type : new String[] {"keyDown", "keyUp"}) {
                browser.command(
                        "Input.dispatchKeyEvent",
                        java.util.Map.of(
                                "type",
                                type,
                                "key",
                                "Enter",
                                "code",
                                "Enter",
                                "windowsVirtualKeyCode",
                                13,
                                "text",
                                "\r"));
            }
            browser.waitFor("location.pathname.endsWith('/code')", WAIT);
            assertThat(browser.evaluate("document.documentElement.lang")).isEqualTo("fr");
            var id = UUID.fromString(browser.evaluate("location.pathname.split('/')[3]"));
            assertThat(requests.get(id).identifiers())
                    .singleElement()
                    .satisfies(i -> assertThat(i.value()).isEqualTo(email));
        }
    }

    private RightsRequest submit(String query, String type, String language, String sentText) throws Exception {
        var email = "browser-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        try (var browser = ChromiumSession.open(
                "http://127.0.0.1:" + port + "/privacy/requests/new" + query, profiles.resolve(language))) {
            browser.waitFor("document.getElementById('request-form')", WAIT);
            assertThat(browser.evaluate("document.documentElement.lang")).isEqualTo(language);
            assertThat(browser.evaluate("document.getElementById('language-" + language + "').checked"))
                    .isEqualTo("true");

            browser.evaluate("document.getElementById('type-" + type + "').click();"
                    + "document.getElementById('email').value = 'not-an-email';"
                    + "document.getElementById('submit-request').click(); 'sent'");
            browser.waitFor("document.querySelector('.error-summary a[href=\"#email\"]')", WAIT);
            assertThat(browser.evaluate("document.getElementById('email').getAttribute('aria-invalid')"))
                    .isEqualTo("true");
            assertThat(browser.evaluate("document.getElementById('type-" + type + "').checked"))
                    .isEqualTo("true");

            browser.evaluate("document.getElementById('email').value = '" + email + "';"
                    + "document.getElementById('details').value = 'https://search.example/result/1';"
                    + "document.getElementById('submit-request').click(); 'sent'");
            browser.waitFor("location.pathname.endsWith('/code') && document.getElementById('sent-EMAIL')", WAIT);
            assertThat(browser.evaluate("document.getElementById('sent-EMAIL').textContent"))
                    .contains(sentText);
            var id = UUID.fromString(browser.evaluate("location.pathname.split('/')[3]"));
            onAPhoneTheReferenceKeepsToOneLine(browser, requests.get(id).reference());
            var stored = requests.get(id);
            assertThat(stored.channel()).isEqualTo(RightsRequest.Channel.PORTAL);
            assertThat(stored.identifiers())
                    .singleElement()
                    .satisfies(i -> assertThat(i.value()).isEqualTo(email));

            browser.evaluate("document.getElementById('code-EMAIL').value = '" + code(id) + "';"
                    + "document.querySelector('#code-EMAIL').form.querySelector('button').click(); 'sent'");
            browser.waitFor("document.getElementById('codes-done')", WAIT);
            assertThat(requests.get(id).identifiers())
                    .allSatisfy(i -> assertThat(i.verified()).isTrue());
            return requests.get(id);
        }
    }

    /** On a 390 px phone the reference the person is to quote reads on one line, and the page is no wider. */
    private static void onAPhoneTheReferenceKeepsToOneLine(ChromiumSession browser, String reference) {
        browser.command(
                "Emulation.setDeviceMetricsOverride",
                java.util.Map.of(
                        "width", PageAudit.PHONE_WIDTH, "height", 844, "deviceScaleFactor", 1, "mobile", true));
        assertThat(browser.evaluate("document.getElementById('request-reference').textContent"))
                .isEqualTo(reference);
        assertThat(browser.evaluate("String(document.getElementById('request-reference').getClientRects().length)"))
                .as("line boxes of the reference")
                .isEqualTo("1");
        assertThat(Integer.parseInt(browser.evaluate("String(document.documentElement.scrollWidth)")))
                .isLessThanOrEqualTo(PageAudit.PHONE_WIDTH);
    }

    private String code(UUID requestId) {
        var message = outbox.about(requestId.toString()).stream()
                .filter(m -> m.template().equals("requests.code"))
                .reduce((a, b) -> b)
                .orElseThrow();
        var matcher = RightsRequestFormTest.CODE.matcher(message.body());
        assertThat(matcher.find()).isTrue();
        return matcher.group(1);
    }
}
