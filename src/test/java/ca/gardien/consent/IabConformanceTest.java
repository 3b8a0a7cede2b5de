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
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
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

    /** Distinct IAB purposes per Gardien purpose, so that each choice has its own expected purposes. */
    static final String MAP = """
            subjectCategories:
              - {id: visitor, name: {fr: Visiteurs, en: Visitors}}
            piCategories:
              - {id: usage, name: {fr: Navigation, en: Browsing}}
            purposes:
              - {id: service, name: {fr: Service, en: Service}, kind: primary, implicitConsentAllowed: true,
                 iabPurposes: [1]}
              - {id: measure, name: {fr: Mesure, en: Measure}, kind: primary, implicitConsentAllowed: true,
                 iabPurposes: [7, 10]}
              - {id: prefs, name: {fr: Préférences, en: Preferences}, kind: secondary, cookieCategory: preferences,
                 iabPurposes: [11]}
              - {id: statistics, name: {fr: Statistiques, en: Statistics}, kind: secondary,
                 cookieCategory: statistics, iabPurposes: [8, 9]}
              - {id: ads, name: {fr: Publicité, en: Advertising}, kind: secondary, cookieCategory: marketing,
                 iabPurposes: [2, 3, 4]}
            legalBases:
              - {id: consent, kind: express-consent, name: {fr: Consentement, en: Consent}}
            processingActivities:
              - {id: site, name: {fr: Site, en: Site}, subjects: [visitor], categories: [usage],
                 purposes: [service, measure, prefs, statistics, ads], legalBasis: consent, source: person}
            """;

    /**
     * A choice and what it means: {@code banner} the categories chosen on the banner (null: none), {@code api} consents
     * recorded through the API ({@code purpose:EXPRESS|IMPLICIT}); {@code express} the IAB purposes with express
     * consent (TCF and tcfcav1, less purpose 1 which TCF Canada does not use), {@code implied} with implied consent
     * (tcfcav1 only).
     */
    record Case(
            String name,
            String banner,
            boolean gpc,
            List<String> api,
            String language,
            List<Integer> express,
            List<Integer> implied) {}

    static final List<Case> CASES = List.of(
            new Case(
                    "accept all",
                    "{\"preferences\": true, \"statistics\": true, \"marketing\": true}",
                    false,
                    List.of(),
                    "fr",
                    List.of(2, 3, 4, 8, 9, 11),
                    List.of()),
            new Case(
                    "refuse all",
                    "{\"preferences\": false, \"statistics\": false, \"marketing\": false}",
                    false,
                    List.of(),
                    "en",
                    List.of(),
                    List.of()),
            new Case("preferences only", "{\"preferences\": true}", false, List.of(), "fr", List.of(11), List.of()),
            new Case(
                    "statistics only",
                    "{\"statistics\": true, \"marketing\": false}",
                    false,
                    List.of(),
                    "en",
                    List.of(8, 9),
                    List.of()),
            new Case(
                    "marketing only",
                    "{\"statistics\": false, \"marketing\": true}",
                    false,
                    List.of(),
                    "fr",
                    List.of(2, 3, 4),
                    List.of()),
            new Case(
                    "accept all under GPC",
                    "{\"preferences\": true, \"statistics\": true, \"marketing\": true}",
                    true,
                    List.of(),
                    "fr",
                    List.of(8, 9, 11),
                    List.of()),
            new Case("implied consent", null, false, List.of("measure:IMPLICIT"), "en", List.of(), List.of(7, 10)),
            new Case(
                    "express and implied consent",
                    "{\"statistics\": true}",
                    false,
                    List.of("measure:IMPLICIT"),
                    "fr",
                    List.of(8, 9),
                    List.of(7, 10)),
            new Case(
                    "express consent to purpose 1",
                    null,
                    false,
                    List.of("service:EXPRESS"),
                    "en",
                    List.of(1),
                    List.of()));

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
        inventory.apply(MAP, Actor.SYSTEM);
        var input = JSON.createObjectNode();
        var gardien = input.putArray("gardien");
        for (var c : CASES) {
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

    void choose(Case c, String visitor) throws Exception {
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
        for (var c : CASES) {
            var item = decodedByIab(c.name());
            var tcf = item.path("tcf");
            var days = chosen.get(c.name());
            var day = List.of(day(days[0]), day(days[1]));
            var lang = c.language().toUpperCase(java.util.Locale.ROOT);
            softly.assertThat(tcf.has("error"))
                    .as(c.name() + ": TCF error " + tcf)
                    .isFalse();
            softly.assertThat(ints(tcf.path("purposeConsents")))
                    .as(c.name() + " TCF purposes")
                    .isEqualTo(c.express());
            softly.assertThat(ints(tcf.path("purposeLegitimateInterests")))
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
            softly.assertThat(instant(tcf.path("created")))
                    .as(c.name() + " created")
                    .isIn(day);
            softly.assertThat(instant(tcf.path("lastUpdated"))).as(c.name()).isEqualTo(instant(tcf.path("created")));

            var gpp = item.path("gpp");
            softly.assertThat(gpp.has("error"))
                    .as(c.name() + ": GPP error " + gpp)
                    .isFalse();
            softly.assertThat(ints(gpp.path("sectionIds"))).as(c.name()).containsExactly(5);
            var ca = gpp.path("sections").path("tcfcav1");
            var express = new ArrayList<>(c.express());
            express.remove(Integer.valueOf(1)); // purpose 1 is not used in TCF Canada
            softly.assertThat(bitIds(ca.path("PurposesExpressConsent")))
                    .as(c.name() + " express")
                    .isEqualTo(express);
            softly.assertThat(bitIds(ca.path("PurposesImpliedConsent")))
                    .as(c.name() + " implied")
                    .isEqualTo(c.implied());
            softly.assertThat(ca.path("CmpId").asInt()).as(c.name()).isEqualTo(300);
            softly.assertThat(ca.path("ConsentLanguage").asString())
                    .as(c.name())
                    .isEqualTo(lang);
            softly.assertThat(instant(ca.path("Created")))
                    .as(c.name() + " tcfcav1 created")
                    .isIn(day);
            softly.assertThat(instant(ca.path("LastUpdated"))).as(c.name()).isEqualTo(instant(ca.path("Created")));
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
                compare(softly, name, expected, answer.path("tcf"));
            } else {
                var gpp = answer.path("gpp");
                softly.assertThat(ints(gpp.path("sectionIds"))).as(name).isEqualTo(ints(expected.path("sectionIds")));
                softly.assertThat(gpp.path("otherSectionIds").isEmpty())
                        .as(name)
                        .isTrue();
                for (var section : expected.path("sections").propertyNames()) {
                    var flat = JSON.createObjectNode();
                    gpp.path("sections").path(section).forEach(sub -> flat.setAll((ObjectNode) sub));
                    var want =
                            (ObjectNode) expected.path("sections").path(section).deepCopy();
                    absentSubsection(softly, name, section, want, flat);
                    compare(softly, name + " " + section, want, flat);
                }
            }
        }
        softly.assertAll();
    }

    /**
     * IAB's JavaScript library flattens a section into one object and gives the fields of an optional sub-section the
     * string does not hold their default values; Gardien, like the GPP CMP API's getSection, lists only the
     * sub-sections present. Such fields must then hold only their defaults, and are left out of the comparison.
     */
    static void absentSubsection(SoftAssertions softly, String name, String section, ObjectNode want, JsonNode got) {
        if (section.equals("tcfcav1") && got.path("DisclosedVendorsSegmentType").isMissingNode()) {
            softly.assertThat(want.remove("DisclosedVendorsSegmentType").asInt())
                    .as(name)
                    .isEqualTo(1);
            softly.assertThat(want.remove("DisclosedVendors").isEmpty())
                    .as(name)
                    .isTrue();
        }
    }

    /** Every field IAB's decoder read is in Gardien's answer with the same value. */
    static void compare(SoftAssertions softly, String name, JsonNode expected, JsonNode actual) {
        for (var field : expected.propertyNames()) {
            var want = expected.path(field);
            var got = actual.path(field);
            softly.assertThat(got.isMissingNode())
                    .as(name + ": Gardien reports " + field)
                    .isFalse();
            if (field.equals("created")
                    || field.equals("lastUpdated")
                    || field.equals("Created")
                    || field.equals("LastUpdated")) {
                softly.assertThat(instant(got)).as(name + " " + field).isEqualTo(instant(want));
            } else if (field.equals("publisherRestrictions")) { // IAB's encoder orders them its own way
                softly.assertThat(sorted(got)).as(name + " " + field).isEqualTo(sorted(want));
            } else {
                softly.assertThat(got).as(name + " " + field).isEqualTo(want);
            }
        }
    }

    static List<String> sorted(JsonNode restrictions) {
        var all = new ArrayList<String>();
        restrictions.forEach(r -> all.add(r.path("purposeId").asInt() + "/"
                + r.path("restrictionType").asInt() + "/" + ints(r.path("vendorIds"))));
        all.sort(null);
        return all;
    }

    static Instant day(Instant at) {
        return at.truncatedTo(ChronoUnit.DAYS);
    }

    static Instant instant(JsonNode node) {
        return node.isString() ? Instant.parse(node.asString()) : null;
    }

    static List<Integer> ints(JsonNode array) {
        var ids = new ArrayList<Integer>();
        array.forEach(n -> ids.add(n.asInt()));
        return ids;
    }

    static List<Integer> bitIds(JsonNode bits) {
        var ids = new TreeSet<Integer>();
        for (int i = 0; i < bits.size(); i++) {
            if (bits.get(i).asBoolean()) {
                ids.add(i + 1);
            }
        }
        return List.copyOf(ids);
    }
}
