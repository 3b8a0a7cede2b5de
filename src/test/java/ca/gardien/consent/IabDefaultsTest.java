package ca.gardien.consent;

import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import org.hamcrest.Matchers;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * With the default settings (no registered CMP id, no vendor list version) Gardien emits no TCF string and a GPP string
 * without any section, and the strings, the banner's configuration and the decoder say why.
 */
class IabDefaultsTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @BeforeEach
    void map() {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
    }

    @Test
    void emitsNoTcfStringAndAnEmptyGppStringEvenAfterAChoiceAndSaysWhy() throws Exception {
        var visitor = BannerTest.visitor();
        mvc.perform(post("/consent/choices")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"visitor": "%s", "choices": {"statistics": true, "marketing": true}}""".formatted(visitor)))
                .andExpect(status().isNoContent());
        mvc.perform(get("/consent/strings").param("visitor", visitor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.tcf").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.tcData").value(Matchers.nullValue()))
                .andExpect(jsonPath("$.gpp").value("DBAA"))
                .andExpect(jsonPath("$.gppSid").isEmpty())
                .andExpect(jsonPath("$.reasons").value(Matchers.contains("cmp-id-unset", "vendor-list-version-unset")));
    }

    @Test
    void givesTheBannerTheCmpIdentityAndTheReasonsWithItsConfiguration() throws Exception {
        mvc.perform(get("/consent/banner/config.json"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.iab.cmpId").value(0))
                .andExpect(jsonPath("$.iab.cmpVersion").value(1))
                .andExpect(jsonPath("$.iab.gdprApplies").value(false))
                .andExpect(jsonPath("$.iab.tcfPolicyVersion").value(5))
                .andExpect(jsonPath("$.iab.reasons")
                        .value(Matchers.contains("cmp-id-unset", "vendor-list-version-unset")));
    }

    @Test
    void decodesTheEmptyGppStringAndWarnsOfCanadianSectionsWithoutARegisteredCmpId() throws Exception {
        mvc.perform(post("/api/v1/consent/iab/decode")
                        .header("Authorization", bearer(Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"gpp\": \"DBAA\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.gpp.sectionIds").isEmpty())
                .andExpect(jsonPath("$.gpp.sections").isEmpty())
                .andExpect(jsonPath("$.warnings").isEmpty());
    }
}
