package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.support.ChromiumSession;
import ca.gardien.support.HeadlessChromium;
import ca.gardien.support.StaticSite;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The IAB CMP APIs (cmpapi.js) on a publisher's page of another origin, under a strict Content-Security-Policy, in the
 * system's Chromium: each command of {@code __tcfapi} and {@code __gpp}, the same commands from an iframe of a third
 * origin through the locator frames, and the events after the visitor changes their choice. Skipped without Chromium
 * unless {@code GARDIEN_TEST_REQUIRE_BROWSER=true}.
 */
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "gardien.consent.iab.cmp-id=300",
            "gardien.consent.iab.cmp-version=2",
            "gardien.consent.iab.vendor-list-version=48",
            "gardien.consent.iab.gdpr-applies=true"
        })
class BannerCmpApiChromiumTest {

    static final JsonMapper JSON = JsonMapper.builder().build();
    static final Duration WAIT = Duration.ofSeconds(30);

    @LocalServerPort
    int port;

    @Autowired
    Inventory inventory;

    @TempDir
    Path profile;

    @BeforeEach
    void chromiumPresent() {
        HeadlessChromium.assumeAvailable();
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM); // statistics -> IAB 8, 9; marketing -> IAB 2, 3, 4
    }

    static JsonNode json(String text) {
        return JSON.readTree(text);
    }

    /** Calls a CMP API command in the page; the answer comes synchronously once the CMP has loaded. */
    static JsonNode call(ChromiumSession page, String invocation) {
        return json(page.evaluate("JSON.stringify((function () { var r = {}; " + invocation + "; return r; })())"));
    }

    @Test
    void answersEveryCommandOnAnotherOriginAndInItsIframesAndTellsListenersOfEachChangeOfChoice() throws Exception {
        var gardien = "http://127.0.0.1:" + port;
        try (var child = StaticSite.serve("cmp-site", "default-src 'none'; script-src 'self'", Map.of());
                var site = StaticSite.serve(
                        "cmp-site",
                        "default-src 'none'; script-src 'self' {{GARDIEN}}; style-src {{GARDIEN}}; connect-src"
                                + " {{GARDIEN}}; frame-src {{CHILD}}",
                        Map.of("GARDIEN", gardien, "CHILD", child.origin()));
                var page = ChromiumSession.open(site.origin() + "/page.html", profile)) {
            // a new visitor: the banner shows; listeners registered before the banner loaded hear of it
            page.waitFor("window.log && log.tcf.some(function (e) { return e.eventStatus === 'cmpuishown'; })", WAIT);
            page.waitFor("log.gpp.some(function (e) { return e.eventName === 'cmpDisplayStatus'; })", WAIT);

            var ping = call(page, "__tcfapi('ping', 2, function (p, ok) { r = p; r.ok = ok; })");
            assertThat(ping.path("cmpStatus").asString()).isEqualTo("loaded");
            assertThat(ping.path("cmpId").asInt()).isEqualTo(300);
            assertThat(ping.path("cmpVersion").asInt()).isEqualTo(2);
            assertThat(ping.path("gvlVersion").asInt()).isEqualTo(48);
            assertThat(ping.path("tcfPolicyVersion").asInt()).isEqualTo(5);
            assertThat(ping.path("apiVersion").asString()).isEqualTo("2.2");
            assertThat(ping.path("gdprApplies").asBoolean()).isTrue();
            assertThat(ping.path("displayStatus").asString()).isEqualTo("visible");
            var tc = call(page, "__tcfapi('getTCData', 2, function (t, ok) { r = t; r.ok = ok; })");
            assertThat(tc.path("ok").asBoolean()).isTrue();
            assertThat(tc.path("eventStatus").asString()).isEqualTo("cmpuishown");
            assertThat(tc.path("tcString").asString()).isNotEmpty();
            assertThat(tc.path("isServiceSpecific").asBoolean()).isTrue();
            assertThat(tc.path("publisherCC").asString()).isEqualTo("CA");
            var filtered = call(page, "__tcfapi('getTCData', 2, function (t, ok) { r = t.vendor.consents; }, [2, 6])");
            assertThat(filtered.propertyNames()).containsExactlyInAnyOrder("2", "6");

            var gppPing = call(page, "__gpp('ping', function (p, ok) { r = p; r.ok = ok; })");
            assertThat(gppPing.path("gppVersion").asString()).isEqualTo("1.1");
            assertThat(gppPing.path("cmpStatus").asString()).isEqualTo("loaded");
            assertThat(gppPing.path("cmpDisplayStatus").asString()).isEqualTo("visible");
            assertThat(gppPing.path("signalStatus").asString()).isEqualTo("not ready"); // until the visitor chooses
            assertThat(gppPing.path("cmpId").asInt()).isEqualTo(300);
            assertThat(gppPing.path("supportedAPIs").get(0).asString()).isEqualTo("5:tcfcav1");
            assertThat(gppPing.path("sectionList").get(0).asInt()).isEqualTo(5);
            assertThat(gppPing.path("applicableSections").get(0).asInt()).isEqualTo(5);
            assertThat(gppPing.path("parsedSections")
                            .path("tcfcav1")
                            .get(0)
                            .path("CmpId")
                            .asInt())
                    .isEqualTo(300);
            var firstGpp = gppPing.path("gppString").asString();
            assertThat(call(page, "__gpp('hasSection', function (v, ok) { r.v = v; }, 'tcfcav1')")
                            .path("v")
                            .asBoolean())
                    .isTrue();
            assertThat(call(page, "__gpp('hasSection', function (v, ok) { r.v = v; }, 'usnat')")
                            .path("v")
                            .asBoolean())
                    .isFalse();
            var section = call(
                    page,
                    "__gpp('getSection', function (v, ok) { r.v = v; r.date = v[0].Created instanceof Date; },"
                            + " 'tcfcav1')");
            assertThat(section.path("v").get(0).path("CmpVersion").asInt()).isEqualTo(2);
            assertThat(section.path("date").asBoolean()).isTrue();
            assertThat(call(page, "__gpp('getField', function (v, ok) { r.v = v; }, 'tcfcav1.ConsentLanguage')")
                            .path("v")
                            .asString())
                    .isEqualTo("FR");
            assertThat(call(page, "__gpp('nonsense', function (v, ok) { r.ok = ok; })")
                            .path("ok")
                            .asBoolean())
                    .isFalse();

            // the same commands from the iframe of a third origin, through the locator frames
            page.waitFor("window.childLog && childLog.some(function (e) { return e.command === 'event'; })", WAIT);
            page.evaluate("document.querySelector('iframe').contentWindow.postMessage({run: true}, '*')");
            page.waitFor("childLog.some(function (e) { return e.command === 'getField'; })", WAIT);
            var fromChild = childLog(page);
            assertThat(entry(fromChild, "tcf", "ping").path("cmpId").asInt()).isEqualTo(300);
            assertThat(entry(fromChild, "tcf", "getTCData").path("tcString").asString())
                    .isEqualTo(tc.path("tcString").asString());
            assertThat(entry(fromChild, "gpp", "ping").path("gppString").asString())
                    .isEqualTo(firstGpp);
            assertThat(entry(fromChild, "gpp", "hasSection").path("value").asBoolean())
                    .isTrue();
            assertThat(entry(fromChild, "gpp", "getSection").path("value").asInt())
                    .isEqualTo(300);
            assertThat(entry(fromChild, "gpp", "getField").path("value").asString())
                    .isEqualTo("FR");

            // the visitor accepts all: every listener hears of it, in the page and in the iframe
            page.evaluate("document.querySelector('[data-gardien-accept]').click()");
            page.waitFor("log.tcf.some(function (e) { return e.eventStatus === 'useractioncomplete'; })", WAIT);
            page.waitFor(
                    "log.gpp.some(function (e) { return e.eventName === 'signalStatus' && e.data === 'ready'; })",
                    WAIT);
            var log = json(page.evaluate("JSON.stringify(log)"));
            var done = last(log.path("tcf"));
            assertThat(done.path("consents").toString()).isEqualTo("[2,3,4,8,9]");
            var events = json(page.evaluate(
                    "JSON.stringify(log.gpp.map(function (e) { return e.eventName" + " + ':' + e.data; }))"));
            assertThat(events.toString())
                    .contains("listenerRegistered:true", "cmpStatus:loaded", "cmpDisplayStatus:visible")
                    .contains("cmpDisplayStatus:hidden", "sectionChange:tcfcav1", "signalStatus:ready");
            assertThat(last(log.path("gpp")).path("gppString").asString()).isNotEqualTo(firstGpp);
            page.waitFor("childLog.some(function (e) { return e.eventStatus === 'useractioncomplete'; })", WAIT);
            page.waitFor("childLog.some(function (e) { return e.eventName === 'sectionChange'; })", WAIT);

            // the page removes its listeners; the iframe keeps its own and hears of the next change
            var tcfId = done.path("listenerId").asInt();
            var gppId = log.path("gpp").get(0).path("listenerId").asInt();
            assertThat(call(page, "__tcfapi('removeEventListener', 2, function (v, ok) { r.v = v; }, " + tcfId + ")")
                            .path("v")
                            .asBoolean())
                    .isTrue();
            var removed = call(page, "__gpp('removeEventListener', function (v, ok) { r = v; }, " + gppId + ")");
            assertThat(removed.path("eventName").asString()).isEqualTo("listenerRemoved");
            assertThat(removed.path("data").asBoolean()).isTrue();
            int heard = log.path("tcf").size();
            page.evaluate("document.querySelector('[data-gardien-reopen]').click()");
            page.evaluate("document.querySelector('[data-gardien-refuse]').click()");
            page.waitFor(
                    "childLog.filter(function (e) { return e.eventStatus === 'useractioncomplete'; }).length === 2",
                    WAIT);
            var refused = childLog(page);
            assertThat(last(filter(refused, "eventStatus", "useractioncomplete"))
                            .path("consents")
                            .toString())
                    .isEqualTo("[]");
            assertThat(json(page.evaluate("JSON.stringify(log.tcf.length)")).asInt())
                    .isEqualTo(heard);
            assertThat(page.evaluate("JSON.stringify(violations)")).isEqualTo("[]");
        }
    }

    static JsonNode childLog(ChromiumSession page) {
        return json(page.evaluate("JSON.stringify(childLog)"));
    }

    static JsonNode entry(JsonNode log, String api, String command) {
        for (var e : log) {
            if (api.equals(e.path("api").asString())
                    && command.equals(e.path("command").asString())) {
                assertThat(e.path("ok").asBoolean()).as(api + " " + command).isTrue();
                return e;
            }
        }
        throw new AssertionError("the iframe got no answer to " + api + " " + command + ": " + log);
    }

    static JsonNode filter(JsonNode log, String field, String value) {
        var out = JSON.createArrayNode();
        log.forEach(e -> {
            if (value.equals(e.path(field).asString())) {
                out.add(e);
            }
        });
        return out;
    }

    static JsonNode last(JsonNode array) {
        return array.get(array.size() - 1);
    }
}
