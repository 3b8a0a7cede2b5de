package ca.gardien.consent;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.ResultActions;

class IabApiTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

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

    @Test
    void servesAVisitorsStringsFromTheBannerChoiceAndDecodesThem() throws Exception {
        var visitor = BannerTest.visitor();
        mvc.perform(post("/consent/choices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"visitor": "%s", "choices": {"statistics": true, "marketing": false}}""".formatted(visitor)))
                .andExpect(status().isNoContent());
        var body = mvc.perform(get("/consent/strings").param("visitor", visitor).param("lang", "en"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gppSid[0]").value(5))
                .andReturn()
                .getResponse()
                .getContentAsString();
        String gpp = JsonPath.read(body, "$.gpp");
        String tcf = JsonPath.read(body, "$.tcf");
        decode(staff, "{\"gpp\": \"%s\", \"tcf\": \"%s\"}".formatted(gpp, tcf))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gpp.section").value("tcfcav1"))
                .andExpect(jsonPath("$.gpp.purposesExpress").value(Matchers.contains(8, 9)))
                .andExpect(jsonPath("$.gpp.purposesImplied").isEmpty())
                .andExpect(jsonPath("$.tcf.purposesExpress").value(Matchers.contains(8, 9)));
    }

    @Test
    void anUnknownVisitorGetsStringsWithoutConsent() throws Exception {
        var body = mvc.perform(get("/consent/strings").param("visitor", BannerTest.visitor()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        decode(staff, "{\"gpp\": \"%s\"}".formatted((String) JsonPath.read(body, "$.gpp")))
                .andExpect(jsonPath("$.gpp.purposesExpress").isEmpty())
                .andExpect(jsonPath("$.gpp.purposesImplied").isEmpty());
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
    }

    @Test
    void refusesAnAuditorWhoMayOnlyRead() throws Exception {
        decode(bearer(Role.AUDITOR), "{\"tcf\": \"x\"}").andExpect(problem(403, "forbidden"));
    }
}
