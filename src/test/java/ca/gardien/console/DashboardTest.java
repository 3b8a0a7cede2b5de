package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpSession;

/** The dashboard reads the program: each module's tile, its figures linking to filtered lists, the ledger in words. */
class DashboardTest extends WebTestSupport {

    private String dashboard(MockHttpSession session, String language) throws Exception {
        mvc.perform(get("/locale")
                        .param("lang", language)
                        .param("return", "/console")
                        .session(session))
                .andExpect(status().is3xxRedirection());
        return mvc.perform(get("/console").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void theOfficerSeesRequestsConsentAndDataMapTilesLinkingToFilteredLists() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var html = dashboard(login(officer.username(), officer.password()), "fr");

        assertThat(html)
                .contains("Demandes d&#39;exercice de droits")
                .contains("href=\"/console/requests?days=-1\"")
                .contains("href=\"/console/requests?from=0&amp;days=7\"")
                .contains("href=\"/console/requests?status=RESPONSE_DRAFTED\"")
                .contains("Consentement")
                .contains("Écarts de l")
                .contains("href=\"/console/inventory#gaps\"")
                .contains("Formation et sensibilisation")
                .contains("href=\"/console/governance/training\"")
                .doesNotContain("??");
    }

    @Test
    void recentActivityReadsTheLedgerInWordsInThePageLanguage() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());

        assertThat(dashboard(session, "fr")).contains("Activité récente").contains("Connexion à la console");
        assertThat(dashboard(session, "en"))
                .contains("Recent activity")
                .contains("Signed in to the console")
                .contains("Rights requests")
                .doesNotContain("??");
    }

    @Test
    void staffSeeTheRequestsTileButNeitherConsentNorApprovals() throws Exception {
        var staff = person(Role.STAFF);

        var html = dashboard(login(staff.username(), staff.password()), "fr");

        assertThat(html)
                .contains("href=\"/console/requests?days=-1\"")
                .doesNotContain("status=RESPONSE_DRAFTED")
                .doesNotContain("href=\"/console/consent\"")
                .as("staff may not read the ledger: the dashboard shows them none of its facts")
                .doesNotContain("Connexion à la console");
    }
}
