package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.support.HeadlessChromium;
import java.io.IOException;
import java.nio.file.Path;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The cookie banner in the system's Chromium (headless, DOM dumped once the page settles). The test pages under
 * {@code src/test/resources/static/consent/test} hold a statistics and a marketing script tagged
 * {@code type="text/plain"} that mark the page when they run. Skipped when no Chromium is installed, unless
 * {@code GARDIEN_TEST_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class BannerChromiumTest {

    @LocalServerPort
    int port;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path profiles;

    @Autowired
    Inventory inventory;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
        inventory.apply(
                ConsentMap.YAML, Actor.SYSTEM); // names the statistics and marketing categories, not preferences
    }

    @Test
    void runsNoStatisticsOrMarketingScriptBeforeConsentAndAsksWithEqualButtons() throws Exception {
        var dom = render("plain", "fresh");
        assertThat(dom).doesNotContain("data-statistics-ran").doesNotContain("data-marketing-ran");
        assertThat(dom)
                .contains("id=\"gardien-banner\"")
                .contains("Tout accepter")
                .contains("Tout refuser")
                .contains("Mesure d")
                .contains("Publicité ciblée")
                .contains("id=\"gardien-statistics\"")
                .doesNotContain("id=\"gardien-preferences\"");
        assertThat(count(dom, "class=\"gardien-button\" data-gardien-accept"))
                .isEqualTo(count(dom, "class=\"gardien-button\" data-gardien-refuse"))
                .isEqualTo(1);
    }

    @Test
    void runsTheStatisticsScriptAfterAcceptAndKeepsTheChoiceAfterAReload() throws Exception {
        var accepted = render("accept", "visitor");
        assertThat(accepted).contains("data-statistics-ran=\"yes\"").contains("Accept all");
        var reloaded = render("plain", "visitor");
        assertThat(reloaded).contains("data-statistics-ran=\"yes\"").contains("data-gardien-reopen");
        assertThat(reloaded).doesNotContain("id=\"gardien-banner\"");
    }

    @Test
    void refusesMarketingUnderGlobalPrivacyControlAndRecordsItCitingGpc() throws Exception {
        var dom = render("gpc", "gpc");
        assertThat(dom).contains("data-statistics-ran=\"yes\"").doesNotContain("data-marketing-ran");
        var matcher = Pattern.compile("data-visitor=\"([A-Za-z0-9_-]+)\"").matcher(dom);
        assertThat(matcher.find()).isTrue();
        var decision = decisions.decide("visitor:" + matcher.group(1), "cookie-marketing");
        assertThat(decision.decision()).isEqualTo("DENY");
        assertThat(decision.reason()).isEqualTo("refused");
        boolean gpc = jdbc.sql("SELECT gpc FROM consent_record WHERE id = ?")
                .param(decision.recordId())
                .query(Boolean.class)
                .single();
        assertThat(gpc).isTrue();
    }

    @Test
    void withoutARegisteredCmpIdTheCmpApisExposeAnEmptyGppStringAndNoTcfDataAndSayWhy() throws Exception {
        var dom = render("iab", "iab");
        assertThat(dom).contains("data-gpp=\"DBAA\"").contains("data-gpp-same=\"true\"");
        assertThat(dom).contains("data-gpp-sections=\"[-1]\""); // no section applies
        assertThat(dom).contains("data-tcf-status=\"error\"").contains("data-tc-ok=\"false\"");
        assertThat(dom).contains("data-tcf-reasons=\"cmp-id-unset vendor-list-version-unset\"");
    }

    static int count(String text, String part) {
        return text.split(Pattern.quote(part), -1).length - 1;
    }

    String render(String page, String profile) throws IOException, InterruptedException {
        return HeadlessChromium.dumpDom(
                "http://127.0.0.1:" + port + "/consent/test/" + page + ".html?" + UUID.randomUUID(),
                profiles.resolve(profile),
                "--virtual-time-budget=10000");
    }
}
