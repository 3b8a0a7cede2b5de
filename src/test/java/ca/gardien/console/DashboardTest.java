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
// the requests clock's minute tick would deem the test's overdue request refused between two reads of the dashboard
@org.springframework.test.context.TestPropertySource(properties = "gardien.requests.tick=1h")
class DashboardTest extends WebTestSupport {

    @Autowired
    java.time.Clock clock;

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
                .contains("Demandes d’exercice de droits")
                .contains("href=\"/console/requests\"")
                .contains("d’ici 7 jours")
                .contains("réponse à approuver")
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

        assertThat(dashboard(session, "fr")).contains("Activité récente").contains("Compte créé");
        assertThat(dashboard(session, "en"))
                .contains("Recent activity")
                .contains("Account created")
                .as("who came in is the ledger's to keep, not the program's activity")
                .doesNotContain("Signed in to the console")
                .contains("Rights requests")
                .doesNotContain("??");
    }

    @Test
    void staffSeeTheRequestsTileButNeitherConsentNorApprovals() throws Exception {
        var staff = person(Role.STAFF);

        var html = dashboard(login(staff.username(), staff.password()), "fr");

        assertThat(html)
                .contains("href=\"/console/requests\"")
                .doesNotContain("status=RESPONSE_DRAFTED")
                .doesNotContain("réponse à approuver")
                .doesNotContain("href=\"/console/consent\"")
                .as("staff may not read the ledger: the dashboard shows them none of its facts")
                .doesNotContain("Connexion à la console");
    }

    @Autowired
    ca.gardien.inventory.Inventory inventory;

    @Autowired
    ca.gardien.complaints.Complaints complaints;

    @Autowired
    ca.gardien.requests.RequestIntake intake;

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

    /** The figure labels of the dashboard with the number they say ("" when none) and their link (null when none). */
    private static final java.util.regex.Pattern ANY_FIGURE =
            java.util.regex.Pattern.compile("<li class=\"tone-[a-z]+\">\\s*(?:<a href=\"([^\"]+)\">|<span>)([^<]*)</");

    @Test
    void everyFigureOfEveryTileLandsOnAListOfExactlyWhatItCountsAndNothingLinksNowhere() throws Exception {
        var officer = person(Role.PRIVACY_OFFICER);
        var session = login(officer.username(), officer.password());
        mvc.perform(
                        org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/console/assessments")
                                .param("title", "Projet du tableau de bord")
                                .param("templateId", "qc-system")
                                .with(org.springframework.security.test.web.servlet.request
                                        .SecurityMockMvcRequestPostProcessors.csrf())
                                .session(session))
                .andExpect(status().is3xxRedirection());
        for (var language : new String[] {"fr", "en"}) {
            // each language's requests entered right before its dashboard is read: in the full suite the overdue one
            // entered before the French read no longer showed as overdue at the English read (CI of 2026-12-06, not
            // reproduced alone; see the session note)
            for (int daysAgo : new int[] {0, 25, 200}) { // open, due within 7 days (30 days in Québec), overdue
                intake.enter(
                        ConsoleListsTest.mailed(clock.instant().minus(java.time.Duration.ofDays(daysAgo))),
                        null,
                        ca.gardien.shared.Actor.SYSTEM);
            }
            var html = dashboard(session, language);
            var checked = new java.util.ArrayList<String>();
            var figures = ANY_FIGURE.matcher(html);
            while (figures.find()) {
                var link = figures.group(1) == null ? null : figures.group(1).replace("&amp;", "&");
                var label = figures.group(2);
                var numbers = label.replaceAll("[^0-9]+", " ").strip();
                var number = numbers.isEmpty() ? "" : numbers.split(" ")[0]; // "1 à rendre d’ici 7 jours": 1
                if (link == null) {
                    continue;
                }
                assertThat(number)
                        .as("a figure that counts nothing links nowhere: " + label + " → " + link)
                        .isNotIn("0", link.equals("/console/inventory#notice") ? "0" : "");
                var rows = label.contains("%") ? null : rowsOn(link, session); // a rate counts no rows
                if (rows != null) {
                    assertThat(number).as(label + " links to " + link).isEqualTo(String.valueOf(rows));
                    checked.add(link);
                }
            }
            assertThat(checked)
                    .as("the figures checked, in " + language)
                    .contains(
                            "/console/requests",
                            "/console/requests?from=0&days=7",
                            "/console/requests?days=-1",
                            "/console/assessments?status=TO_DO");
        }
    }

    /** The rows of a landing list: one per thing a figure counts; null for a page this test does not read. */
    private Integer rowsOn(String link, MockHttpSession session) throws Exception {
        if (link.startsWith("/console/requests")) {
            return count(page(link, session), "<tr ", "data-request=");
        }
        if (link.startsWith("/console/retention?show=holds")) {
            var list = page(link, session);
            return list.contains("id=\"hold-list\"") ? count(body(list, "id=\"hold-list\""), "<tr", "") : 0;
        }
        if (link.startsWith("/console/retention?show=")) {
            return count(page(link, session), "<section ", "id=\"rule-");
        }
        for (var table : new String[] {
            "/console/incidents|register", "/console/assessments|assessments", "/console/governance/training|campaigns"
        }) {
            var parts = table.split("\\|");
            if (link.startsWith(parts[0] + "?")) {
                var list = page(link, session);
                var id = "id=\"" + parts[1] + "\"";
                return list.contains(id) ? count(body(list, id), "<tr", "") : 0;
            }
        }
        return null;
    }

    /** The body of the table marked so. */
    private static String body(String html, String marker) {
        var start = html.indexOf("<tbody>", html.indexOf(marker));
        return html.substring(start, html.indexOf("</tbody>", start));
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
