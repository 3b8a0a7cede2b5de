package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import com.iab.gpp.encoder.GppModel;
import com.iabtcf.encoder.TCStringEncoder;
import com.jayway.jsonpath.JsonPath;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.context.TestPropertySource;
import org.springframework.test.web.servlet.ResultActions;

/** The strings and the decoder with a registered CMP id (IabDefaultsTest: without one). */
@TestPropertySource(properties = {IabApiTest.CMP_ID, IabApiTest.VENDOR_LIST, IabApiTest.ONE_DECODING})
class IabApiTest extends WebTestSupport {

    static final String CMP_ID = "gardien.consent.iab.cmp-id=300";
    static final String VENDOR_LIST = "gardien.consent.iab.vendor-list-version=48";
    static final String ONE_DECODING = "gardien.consent.limits.iab-decodings=1";

    @Autowired
    Inventory inventory;

    @Autowired
    IabController controller;

    String staff;

    @BeforeEach
    void map() {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        staff = bearer(Role.STAFF);
    }

    ResultActions decode(String bearer, String body) throws Exception {
        return mvc.perform(post("/api/v1/consent/iab/decode")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    void choose(String visitor, String choices, String language) throws Exception {
        mvc.perform(post("/consent/choices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"visitor": "%s", "choices": %s, "language": "%s"}""".formatted(visitor, choices, language)))
                .andExpect(status().isNoContent());
    }

    @Test
    void servesAVisitorsStringsFromTheBannerChoiceAndDecodesThem() throws Exception {
        var visitor = BannerTest.visitor();
        var day = Instant.now().truncatedTo(ChronoUnit.DAYS).toString();
        choose(visitor, "{\"statistics\": true, \"marketing\": false}", "en");
        var body = mvc.perform(get("/consent/strings").param("visitor", visitor).param("lang", "fr"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gppSid[0]").value(5))
                .andExpect(jsonPath("$.reasons").isEmpty())
                .andExpect(jsonPath("$.sections.tcfcav1[0].CmpId").value(300))
                .andExpect(jsonPath("$.tcData.purposeConsents").value(Matchers.contains(8, 9)))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String gpp = JsonPath.read(body, "$.gpp");
        String tcf = JsonPath.read(body, "$.tcf");
        decode(staff, "{\"gpp\": \"%s\", \"tcf\": \"%s\"}".formatted(gpp, tcf))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gpp.sectionIds").value(Matchers.contains(5)))
                .andExpect(jsonPath("$.gpp.sections.tcfcav1[0].PurposesExpressConsent[7]")
                        .value(true))
                .andExpect(jsonPath("$.gpp.sections.tcfcav1[0].PurposesExpressConsent[8]")
                        .value(true))
                .andExpect(jsonPath("$.gpp.sections.tcfcav1[0].PurposesImpliedConsent")
                        .value(Matchers.not(Matchers.hasItem(true))))
                // the person chose in English: the page's lang=fr does not change the consent language
                .andExpect(jsonPath("$.gpp.sections.tcfcav1[0].ConsentLanguage").value("EN"))
                .andExpect(jsonPath("$.tcf.consentLanguage").value("EN"))
                .andExpect(jsonPath("$.tcf.purposeConsents").value(Matchers.contains(8, 9)))
                .andExpect(jsonPath("$.tcf.created").value(Matchers.startsWith(day.substring(0, 10))))
                .andExpect(jsonPath("$.warnings").isEmpty());
    }

    @Test
    void anUnknownVisitorGetsStringsWithoutConsent() throws Exception {
        var body = mvc.perform(get("/consent/strings").param("visitor", BannerTest.visitor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        decode(
                        staff,
                        "{\"gpp\": \"%s\", \"tcf\": \"%s\"}"
                                .formatted(JsonPath.read(body, "$.gpp"), JsonPath.read(body, "$.tcf")))
                .andExpect(jsonPath("$.gpp.sections.tcfcav1[0].PurposesExpressConsent")
                        .value(Matchers.not(Matchers.hasItem(true))))
                .andExpect(jsonPath("$.tcf.purposeConsents").isEmpty());
    }

    @Test
    void decodesAGppStringWithOnlyAUsNationalSectionInsteadOfRefusingIt() throws Exception {
        var model = new GppModel();
        model.setFieldValue("usnat", "SaleOptOut", 2);
        model.setFieldValue("usnat", "MspaCoveredTransaction", 1);
        decode(staff, "{\"gpp\": \"%s\"}".formatted(model.encode()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gpp.sectionIds").value(Matchers.contains(7)))
                .andExpect(jsonPath("$.gpp.sections.usnat[0].SaleOptOut").value(2))
                .andExpect(jsonPath("$.gpp.otherSectionIds").isEmpty());
    }

    @Test
    void warnsOfAStringIabsDecodersRefuseOrThatAnotherCmpMade() throws Exception {
        var unregistered = TCStringEncoder.newBuilder().version(2).cmpId(0).encode();
        var other = TCStringEncoder.newBuilder().version(2).cmpId(301).encode();
        decode(staff, "{\"tcf\": \"%s\"}".formatted(unregistered))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.warnings[0].field").value("tcf"))
                .andExpect(jsonPath("$.warnings[0].code").value("cmp-id-invalid"));
        decode(staff, "{\"tcf\": \"%s\"}".formatted(other))
                .andExpect(jsonPath("$.warnings[0].code").value("other-cmp"));
        var canadian = new GppModel();
        canadian.setFieldValue("tcfcav1", "CmpId", 0);
        decode(staff, "{\"gpp\": \"%s\"}".formatted(canadian.encode()))
                .andExpect(jsonPath("$.warnings[0].field").value("gpp.tcfcav1"))
                .andExpect(jsonPath("$.warnings[0].code").value("cmp-id-invalid"));
    }

    @Test
    void rejectsABadVisitorOrLanguage() throws Exception {
        mvc.perform(get("/consent/strings").param("visitor", "short")).andExpect(problem(400, "validation"));
        mvc.perform(get("/consent/strings")
                        .param("visitor", BannerTest.visitor())
                        .param("lang", "de"))
                .andExpect(jsonPath("$.errors[0].field").value("lang"));
    }

    @Test
    void rejectsBadStringsWith400NamingTheField() throws Exception {
        decode(staff, "{\"gpp\": \"garbage!!\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("gpp"));
        decode(staff, "{\"tcf\": \"###\"}")
                .andExpect(jsonPath("$.errors[0].field").value("tcf"));
        decode(staff, "{}").andExpect(problem(400, "validation"));
        decode(staff, "{\"gpp\": \"" + "A".repeat(10_001) + "\"}")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("gpp"));
        decode(staff, "not json")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("body"));
    }

    @Test
    void refusesABodyLargerThanTwoStringsWithoutReadingItWhole() throws Exception {
        var huge = "{\"gpp\": \"" + "A".repeat(200_000) + "\"}";
        var result = decode(staff, huge)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("body"))
                .andReturn();
        assertThat(result.getResponse().getContentAsString()).doesNotContain("AAAA");
    }

    @Test
    void theConsoleSaysWhichCmpIdAndVendorListTheStringsCarry() throws Exception {
        mvc.perform(get("/console/consent").session(login(OFFICER, OFFICER_PASSWORD)))
                .andExpect(status().isOk())
                .andExpect(content().string(Matchers.containsString("identifiant de CMP 300 et la version 48")))
                .andExpect(content().string(Matchers.not(Matchers.containsString("data-reason="))));
    }

    @Test
    void documentsTheDecodeRequestBodyInTheOpenApiContract() throws Exception {
        mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.paths['/api/v1/consent/iab/decode'].post.requestBody.content['application/json']")
                                .exists());
    }

    @Test
    void refusesAnAuditorWhoMayOnlyRead() throws Exception {
        decode(bearer(Role.AUDITOR), "{\"tcf\": \"x\"}").andExpect(problem(403, "forbidden"));
    }

    @Test
    void refusesADecodingWith429WhileTheNodesConfiguredDecodingsAreUnderway() throws Exception {
        var tcf = "{\"tcf\": \""
                + TCStringEncoder.newBuilder().version(2).cmpId(300).encode() + "\"}";
        controller.decodings.acquire(); // the one decoding configured, under way
        try {
            decode(staff, tcf).andExpect(problem(429, "rate-limited")).andExpect(header().string("Retry-After", "1"));
        } finally {
            controller.decodings.release();
        }
        decode(staff, tcf).andExpect(status().isOk());
    }
}
