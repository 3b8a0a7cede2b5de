package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.NodeScript;
import ca.gardien.support.WebTestSupport;
import com.iabtcf.encoder.TCStringEncoder;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Gardien's strings against IAB Tech Lab's own JavaScript libraries ({@code @iabtechlabtcf/core},
 * {@code @iabgpp/cmpapi}, pinned in {@code src/test/node/iab/package-lock.json}), in one Node process: IAB's decoders
 * read the purposes Gardien means for a table of choices, and Gardien's decode endpoint reports every field of strings
 * IAB's encoders made. Skipped without Node or its modules unless {@code GARDIEN_TEST_REQUIRE_NODE=true}.
 */
@TestPropertySource(properties = {IabApiTest.CMP_ID, IabApiTest.VENDOR_LIST})
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class IabConformanceTest extends WebTestSupport {

    static final JsonMapper JSON = JsonMapper.builder().build();

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentLedger ledger;

    final Map<String, JsonNode> emitted = new LinkedHashMap<>();
    final Map<String, Instant[]> chosen = new LinkedHashMap<>();
    JsonNode result;

    /**
     * Runs IAB's libraries once for the whole table (the first test to ask does it); each test is skipped, with the
     * reason, when Node or its modules are absent.
     */
    JsonNode result() throws Exception {
        var node = NodeScript.in("iab", "@iabtechlabtcf/core", "@iabgpp/cmpapi");
        if (result == null) {
            result = runIabsLibraries(node);
        }
        return result;
    }

    JsonNode runIabsLibraries(NodeScript node) throws Exception {
        inventory.apply(IabChoices.MAP, Actor.SYSTEM);
        var input = JSON.createObjectNode();
        var gardien = input.putArray("gardien");
        for (var c : IabChoices.CASES) {
            var visitor = BannerTest.visitor();
            var before = Instant.now();
            choose(c, visitor);
            chosen.put(c.name(), new Instant[] {before, Instant.now()});
            var other = "fr".equals(c.language()) ? "en" : "fr"; // the page's language must not win
            var strings = JSON.readTree(mvc.perform(
                            get("/consent/strings").param("visitor", visitor).param("lang", other))
                    .andExpect(status().isOk())
                    .andReturn()
                    .getResponse()
                    .getContentAsString());
            emitted.put(c.name(), strings);
            gardien.addObject()
                    .put("name", c.name())
                    .put("gpp", strings.path("gpp").asString())
                    .put("tcf", strings.path("tcf").asString());
        }
        // what Gardien emitted before it required a registered CMP id: IAB's decoder refuses it
        gardien.addObject()
                .put("name", "cmp id 0")
                .put("gpp", "DBAA")
                .put("tcf", TCStringEncoder.newBuilder().version(2).cmpId(0).encode());
        return JSON.readTree(node.run("conformance.mjs", JSON.writeValueAsString(input), Duration.ofSeconds(60)));
    }

    void choose(IabChoices.Case c, String visitor) throws Exception {
        for (var consent : c.api()) {
            var parts = consent.split(":");
            ledger.record(
                    new ConsentRequest(
                            new ConsentRequest.SubjectIds(null, null, null, visitor),
                            parts[0],
                            ConsentTerms.State.GRANTED,
                            ConsentTerms.Kind.valueOf(parts[1]),
                            null,
                            ConsentTerms.Channel.WEB_FORM,
                            null,
                            null,
                            null,
                            new ConsentRequest.Collected(null, null, null, c.language(), null),
                            null),
                    Actor.SYSTEM);
        }
        if (c.banner() != null) {
            var request = post("/consent/choices")
                    .contentType(MediaType.APPLICATION_JSON)
                    .content("{\"visitor\": \"%s\", \"choices\": %s, \"language\": \"%s\"}"
                            .formatted(visitor, c.banner(), c.language()));
            if (c.gpc()) {
                request.header("Sec-GPC", "1");
            }
            mvc.perform(request).andExpect(status().isNoContent());
        }
    }

    JsonNode decodedByIab(String name) throws Exception {
        for (var item : result().path("decoded")) {
            if (name.equals(item.path("name").asString())) {
                return item;
            }
        }
        throw new AssertionError("IAB's libraries did not decode " + name);
    }

    @Test
    void iabsDecodersReadThePurposesGardienMeansForEveryChoice() throws Exception {
        result();
        var softly = new SoftAssertions();
        for (var c : IabChoices.CASES) {
            var item = decodedByIab(c.name());
            var tcf = item.path("tcf");
            var days = chosen.get(c.name());
            var day = List.of(IabFields.day(days[0]), IabFields.day(days[1]));
            var lang = c.language().toUpperCase(java.util.Locale.ROOT);
            softly.assertThat(tcf.has("error"))
                    .as(c.name() + ": TCF error " + tcf)
                    .isFalse();
            softly.assertThat(IabFields.ints(tcf.path("purposeConsents")))
                    .as(c.name() + " TCF purposes")
                    .isEqualTo(c.express());
            softly.assertThat(IabFields.ints(tcf.path("purposeLegitimateInterests")))
                    .as(c.name())
                    .isEmpty();
            softly.assertThat(tcf.path("cmpId").asInt()).as(c.name()).isEqualTo(300);
            softly.assertThat(tcf.path("vendorListVersion").asInt())
                    .as(c.name())
                    .isEqualTo(48);
            softly.assertThat(tcf.path("policyVersion").asInt()).as(c.name()).isEqualTo(5);
            softly.assertThat(tcf.path("isServiceSpecific").asBoolean())
                    .as(c.name())
                    .isTrue();
            softly.assertThat(tcf.path("consentLanguage").asString())
                    .as(c.name())
                    .isEqualTo(lang);
            softly.assertThat(IabFields.instant(tcf.path("created")))
                    .as(c.name() + " created")
                    .isIn(day);
            softly.assertThat(IabFields.instant(tcf.path("lastUpdated")))
                    .as(c.name())
                    .isEqualTo(IabFields.instant(tcf.path("created")));

            var gpp = item.path("gpp");
            softly.assertThat(gpp.has("error"))
                    .as(c.name() + ": GPP error " + gpp)
                    .isFalse();
            softly.assertThat(IabFields.ints(gpp.path("sectionIds")))
                    .as(c.name())
                    .containsExactly(5);
            var ca = gpp.path("sections").path("tcfcav1");
            var express = new ArrayList<>(c.express());
            express.remove(Integer.valueOf(1)); // purpose 1 is not used in TCF Canada
            softly.assertThat(IabFields.bitIds(ca.path("PurposesExpressConsent")))
                    .as(c.name() + " express")
                    .isEqualTo(express);
            softly.assertThat(IabFields.bitIds(ca.path("PurposesImpliedConsent")))
                    .as(c.name() + " implied")
                    .isEqualTo(c.implied());
            softly.assertThat(ca.path("CmpId").asInt()).as(c.name()).isEqualTo(300);
            softly.assertThat(ca.path("ConsentLanguage").asString())
                    .as(c.name())
                    .isEqualTo(lang);
            softly.assertThat(IabFields.instant(ca.path("Created")))
                    .as(c.name() + " tcfcav1 created")
                    .isIn(day);
            softly.assertThat(IabFields.instant(ca.path("LastUpdated")))
                    .as(c.name())
                    .isEqualTo(IabFields.instant(ca.path("Created")));
        }
        var refused = decodedByIab("cmp id 0").path("tcf");
        softly.assertThat(refused.path("error").asString()).contains("cmpId");
        softly.assertAll();
    }

    @Test
    void gardiensDecoderReportsEveryFieldOfStringsIabsEncodersMade() throws Exception {
        var bearer = bearer(Role.STAFF);
        var made = result().path("made");
        assertThat(made.size()).isEqualTo(4);
        var softly = new SoftAssertions();
        for (var item : made) {
            var name = item.path("name").asString();
            var kind = item.path("kind").asString();
            var body = JSON.createObjectNode().put(kind, item.path("string").asString());
            var response = mvc.perform(post("/api/v1/consent/iab/decode")
                            .header("Authorization", bearer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(JSON.writeValueAsString(body)))
                    .andReturn()
                    .getResponse();
            var answer = JSON.readTree(response.getContentAsString());
            softly.assertThat(response.getStatus()).as(name + ": " + answer).isEqualTo(200);
            var expected = item.path("fields");
            if ("tcf".equals(kind)) {
                IabFields.compare(softly, name, expected, answer.path("tcf"));
            } else {
                var gpp = answer.path("gpp");
                softly.assertThat(IabFields.ints(gpp.path("sectionIds")))
                        .as(name)
                        .isEqualTo(IabFields.ints(expected.path("sectionIds")));
                softly.assertThat(gpp.path("otherSectionIds").isEmpty())
                        .as(name)
                        .isTrue();
                for (var section : expected.path("sections").propertyNames()) {
                    var flat = JSON.createObjectNode();
                    gpp.path("sections").path(section).forEach(sub -> flat.setAll((ObjectNode) sub));
                    var want =
                            (ObjectNode) expected.path("sections").path(section).deepCopy();
                    IabFields.absentSubsection(softly, name, section, want, flat);
                    IabFields.compare(softly, name + " " + section, want, flat);
                }
            }
        }
        softly.assertAll();
    }
}
