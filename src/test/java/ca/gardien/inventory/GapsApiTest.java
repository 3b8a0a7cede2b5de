package ca.gardien.inventory;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.webmvc.test.autoconfigure.AutoConfigureMockMvc;
import org.springframework.test.web.servlet.MockMvc;

/** {@code GET /api/v1/inventory/gaps} on the demo organization's map shows the real gaps of its policy. */
@SpringBootTest
@AutoConfigureMockMvc
class GapsApiTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TokenService tokens;

    String auditor;

    @BeforeEach
    void demoMap() throws Exception {
        var apiTokens = new ApiTokens(accounts, tokens);
        auditor = apiTokens.bearer(Role.AUDITOR);
        mvc.perform(post("/api/v1/inventory/apply")
                        .header("Authorization", apiTokens.bearer(Role.DELEGATE))
                        .contentType("application/yaml")
                        .content(DemoDataMap.document()))
                .andExpect(status().isOk());
    }

    @Test
    void listsTheDemoMapsRealGapsWithRuleSeverityAndLegalReference() throws Exception {
        mvc.perform(get("/api/v1/inventory/gaps").header("Authorization", auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[*].object")
                        .value(hasItems(
                                "transfers/analytics-us",
                                "transfers/payments-us",
                                "thirdParties/payment-processor",
                                "piCategories/contact",
                                "processingActivities/recruitment",
                                "processingActivities/website-cookies",
                                "systems/crm",
                                "processingActivities/business-management",
                                "accessRoles/marketing")))
                .andExpect(jsonPath("$[?(@.object == 'transfers/analytics-us')].rule")
                        .value(hasItem("transfer-without-approved-pia")))
                .andExpect(jsonPath("$[?(@.object == 'transfers/analytics-us')].legalReference")
                        .value(hasItem("P-39.1, s. 17")))
                .andExpect(jsonPath("$[?(@.object == 'transfers/analytics-us')].severity")
                        .value(hasItem("high")))
                .andExpect(jsonPath("$[?(@.object == 'transfers/analytics-us')].explanation")
                        .value(hasItem(org.hamcrest.Matchers.containsString("hors du Québec"))))
                // a transfer is said by its recipient and destination, never by its id (officer's walk)
                .andExpect(jsonPath("$[?(@.object == 'transfers/analytics-us')].explanation")
                        .value(hasItem(org.hamcrest.Matchers.startsWith(
                                "La communication à « Google LLC (Google Analytics) » (États-Unis) hors du Québec"))));
    }

    @Test
    void explainsGapsInEnglishOnRequest() throws Exception {
        mvc.perform(get("/api/v1/inventory/gaps").param("lang", "en").header("Authorization", auditor))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[?(@.object == 'systems/crm')].explanation")
                        .value(hasItem(org.hamcrest.Matchers.containsString("privacy impact assessment"))));
    }

    @Test
    void rejectsAnUnknownLanguage() throws Exception {
        mvc.perform(get("/api/v1/inventory/gaps").param("lang", "de").header("Authorization", auditor))
                .andExpect(status().isBadRequest());
    }

    @Test
    void refusesGapsWithoutAToken() throws Exception {
        mvc.perform(get("/api/v1/inventory/gaps")).andExpect(status().isUnauthorized());
    }
}
