package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
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

    @Autowired
    ca.gardien.inventory.Inventory inventory;

    @Autowired
    ca.gardien.complaints.Complaints complaints;

    /** A figure: its label and its link ("…/console/x?y">3 things</a>), in the dashboard's HTML. */
    private static final java.util.regex.Pattern FIGURE =
            java.util.regex.Pattern.compile("<li class=\"tone-[a-z]+\">\\s*<a href=\"([^\"]+)\">([^<]*)</a>");

    @Test
    void everyGapAndComplaintFigureLandsOnAListOfExactlyWhatItCounts() throws Exception {
        inventory.apply(ConsoleConsentTest.MAP, ca.gardien.shared.Actor.SYSTEM); // a map with gaps
        complaints.receiveFromPortal(new ca.gardien.complaints.NewComplaint(
                "Camille Synthétique",
                "camille@example.test",
                "+1 514 555 0199",
                "Accès refusé",
                "Ma demande d'accès est restée sans réponse.",
                null,
                "fr",
                null,
                null));
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        var html = dashboard(session, "fr");
        assertThat(html).doesNotContain("href=\"/console/inventory#gaps\"");
        var checked = new java.util.ArrayList<String>();
        var figures = FIGURE.matcher(html);
        while (figures.find()) {
            var link = figures.group(1).replace("&amp;", "&");
            var label = figures.group(2);
            Integer rows = null;
            if (link.startsWith("/console/inventory/gaps")) {
                rows = count(page(link, session), "<article ", "class=\"gap\"");
            } else if (link.startsWith("/console/complaints?")) {
                var list = page(link, session);
                rows = list.contains("id=\"queue\"")
                        ? count(list.substring(list.indexOf("<tbody>"), list.indexOf("</tbody>")), "<tr", "")
                        : 0;
            }
            if (rows != null) {
                var number = label.replaceAll("\\D+", " ").strip();
                assertThat(number).as(label + " links to " + link).isEqualTo(String.valueOf(rows));
                checked.add(link);
            }
        }
        assertThat(checked)
                .as("the figures checked")
                .anyMatch(l -> l.startsWith("/console/inventory/gaps?severity="))
                .anyMatch(l -> l.equals("/console/complaints?status=PENDING"));
        assertThat(html)
                .as("a figure that counts nothing links nowhere")
                .doesNotContain("<a href=\"/console/complaints?urgency=OVERDUE\">Aucune");
    }

    private String page(String link, MockHttpSession session) throws Exception {
        return mvc.perform(get(java.net.URI.create(link)).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static int count(String html, String tag, String marker) {
        int n = 0;
        for (int i = html.indexOf(tag); i >= 0; i = html.indexOf(tag, i + 1)) {
            var end = html.indexOf('>', i);
            if (html.substring(i, end).contains(marker)) {
                n++;
            }
        }
        return n;
    }
}
