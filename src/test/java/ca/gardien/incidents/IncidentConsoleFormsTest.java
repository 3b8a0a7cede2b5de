package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.support.WebTestSupport;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.mock.web.MockHttpSession;

/**
 * The incident forms of the console: dates from date inputs, awareness as a date and a time in the organization's
 * zone, what was typed kept on a refusal with the error next to its field in the page's language; a staff member works
 * only the entries assigned to them.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentConsoleFormsTest extends WebTestSupport {

    @Autowired
    Incidents incidents;

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectorDesk;

    private String submit(MockHttpSession session, String language, String occurredOn) throws Exception {
        mvc.perform(get("/locale")
                .param("lang", language)
                .param("return", "/console")
                .session(session));
        return mvc.perform(post("/console/incidents")
                        .session(session)
                        .with(csrf())
                        .param("title", "Lost laptop")
                        .param("kind", "LOSS_OR_OTHER_BREACH")
                        .param("occurredOn", occurredOn)
                        .param("awareOn", "2026-11-21")
                        .param("awareTime", "09:00")
                        .param("circumstances", "A laptop was left in a taxi.")
                        .param("personsCount", "12"))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    /** Records an entry from the console form; its page's address. */
    private String record(MockHttpSession session) throws Exception {
        var location = mvc.perform(post("/console/incidents")
                        .session(session)
                        .with(csrf())
                        .param("title", "Lost laptop")
                        .param("occurredOn", "2026-11-20")
                        .param("awareOn", "2026-11-21")
                        .param("awareTime", "09:00")
                        .param("circumstances", "A laptop was left in a taxi."))
                .andExpect(status().is3xxRedirection())
                .andReturn()
                .getResponse()
                .getRedirectedUrl();
        mvc.perform(get(location).session(session)); // as a browser does: what the step said is read once, not kept
        return location;
    }

    /** The officer's session, its pages in French. */
    private MockHttpSession frenchOfficer() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(
                get("/locale").param("lang", "fr").param("return", "/console").session(session));
        return session;
    }

    /** The page as a browser shows it after a refused step: with the step's flash. */
    private String pageAfter(MockHttpSession session, String path, org.springframework.test.web.servlet.MvcResult step)
            throws Exception {
        return mvc.perform(get(path).session(session).flashAttrs(step.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    private static String consolePath(String location) {
        return location.substring(location.indexOf("/console/"));
    }

    private int addMeasure(MockHttpSession session, UUID incident) throws Exception {
        return mvc.perform(post("/console/incidents/" + incident + "/measures")
                        .session(session)
                        .with(csrf())
                        .param("measureKind", "CONTAINMENT")
                        .param("description", "Remote wipe")
                        .param("owner", "IT")
                        .param("dueOn", "2026-11-22"))
                .andReturn()
                .getResponse()
                .getStatus();
    }

    @Test
    void aMeasureMarkedDoneIsSaidMarkedDoneNotJustDone() throws Exception {
        var session = frenchOfficer();
        var path = consolePath(record(session));
        var id = UUID.fromString(path.substring(path.lastIndexOf('/') + 1));
        assertThat(addMeasure(session, id)).isEqualTo(302);
        mvc.perform(get(path).session(session)); // the browser follows the redirect: what it said is read once
        var measure = incidents.get(id).measures().getFirst().id();
        var done = mvc.perform(post(path + "/measures/" + measure + "/done")
                        .session(session)
                        .with(csrf())
                        .param("doneOn", "2026-11-22"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        // officer's walk: the page answered a bare « C’est fait. »
        assertThat(pageAfter(session, path, done))
                .contains("La mesure est marquée réalisée et consignée au registre de preuves.")
                .doesNotContain("C’est fait.");
    }

    @Test
    void aBadDateComesBackWithWhatWasTypedAndTheErrorNextToItsFieldInBothLanguages() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);

        var en = submit(session, "en", "2026-13-45");
        assertThat(en)
                .contains("id=\"occurredOn-error\"", "Enter a date (YYYY-MM-DD).")
                .contains("value=\"Lost laptop\"", "value=\"2026-13-45\"", "value=\"09:00\"", "value=\"12\"")
                .contains("A laptop was left in a taxi.</textarea>")
                .containsPattern("value=\"LOSS_OR_OTHER_BREACH\"\\s+selected")
                .doesNotContain("-05:00");
        assertThat(submit(session, "en", "")).contains("id=\"occurredOn-error\"", "value=\"Lost laptop\"");
        assertThat(submit(session, "fr", "2026-13-45")).contains("Inscrivez une date (AAAA-MM-JJ).");
    }

    @Test
    void awarenessIsTypedAsADateAndATimeInTheOrganizationsZone() throws Exception {
        var location = record(login(OFFICER, OFFICER_PASSWORD));
        var id = UUID.fromString(location.substring(location.lastIndexOf('/') + 1));

        assertThat(incidents.get(id).awareAt().toInstant())
                .isEqualTo(OffsetDateTime.parse("2026-11-21T09:00:00-05:00").toInstant());
    }

    @Test
    void aStaffMemberWorksOnlyTheEntriesAssignedToThemInTheConsole() throws Exception {
        var officer = ca.gardien.shared.Actor.SYSTEM;
        var details = new IncidentDetails(
                "Lost laptop",
                null,
                null,
                null,
                "A laptop was left in a taxi.",
                java.time.LocalDate.parse("2026-11-20"),
                null,
                false,
                OffsetDateTime.parse("2026-11-21T09:00:00-05:00"),
                null,
                null,
                false,
                java.util.List.of(),
                java.util.List.of());
        var assigned = incidents.record(details, officer).id();
        var other = incidents.record(details, officer).id();
        var staff = person(Role.STAFF);
        incidents.assign(assigned, staff.id(), officer);
        var session = login(staff.username(), staff.password());

        var register = mvc.perform(get("/console/incidents").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(register).contains(assigned.toString()).doesNotContain(other.toString());
        var page = mvc.perform(get("/console/incidents/" + assigned).session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .contains("id=\"measure-form\"")
                .doesNotContain("id=\"assessment-form\"", "id=\"close-form\"", "id=\"previews\"");
        for (var which : new String[] {"commission", "persons"}) {
            mvc.perform(get("/console/incidents/" + assigned + "/notices/" + which)
                            .session(session))
                    .andExpect(status().isForbidden());
        }
        mvc.perform(get("/console/incidents/" + other).session(session)).andExpect(status().isNotFound());
        assertThat(addMeasure(session, assigned)).isEqualTo(302);
        assertThat(incidents.get(assigned).measures()).hasSize(1);
        assertThat(addMeasure(session, other)).isEqualTo(404);
        mvc.perform(post("/console/incidents/" + assigned + "/close")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().isForbidden());
    }

    @Test
    void closingTooEarlySaysTheIncidentWasNotClosedAndWhatTheRegisterLacksNotFieldsToCorrect() throws Exception {
        var session = frenchOfficer();
        var path = consolePath(record(session));
        var refused =
                mvc.perform(post(path + "/close").session(session).with(csrf())).andReturn();
        var page = pageAfter(session, path, refused);

        assertThat(page)
                .as("the close form has no field: its refusal names what the register still lacks")
                .contains("L’incident n’est pas fermé\u202f: le registre doit encore contenir ce qui suit.")
                .doesNotContain("Corrigez les champs signalés.");
        assertThat(page)
                .as("each lack links to where it is filled in")
                .contains("href=\"#kind\"", "href=\"#personsCount\"");
    }

    @Test
    void aRefusedAssessmentKeepsEveryChosenLevelMarksTheRequiredFieldsAndNamesEachErrorInTheSummary() throws Exception {
        var session = frenchOfficer();
        var path = consolePath(record(session));
        var refused = mvc.perform(post(path + "/assessment")
                        .session(session)
                        .with(csrf())
                        .param("sensitivity", "HIGH")
                        .param("sensitivityReason", "Santé")
                        .param("consequences", "MEDIUM")
                        .param("consequencesReason", "Fraude")
                        .param("likelihood", "HIGH")
                        .param("likelihoodReason", "Volé")
                        .param("consultedOn", "")
                        .param("consultationNote", ""))
                .andReturn();
        assertThat(refused.getResponse().getRedirectedUrl())
                .as("back at the error summary, which links to each field")
                .endsWith("#refused");
        var page = pageAfter(session, path, refused);

        assertThat(page)
                .containsPattern(
                        "id=\"sensitivity\"[^>]*>\\s*<option value=\"\"[^>]*>[^<]*</option>\\s*<option value=\"LOW\"[^>]*>[^<]*</option>\\s*"
                                + "<option value=\"MEDIUM\"[^>]*>[^<]*</option>\\s*<option value=\"HIGH\" selected");
        assertThat(page)
                .containsPattern(
                        "id=\"consequences\"[^>]*>\\s*<option value=\"\"[^>]*>[^<]*</option>\\s*<option value=\"LOW\"[^>]*>[^<]*</option>\\s*"
                                + "<option value=\"MEDIUM\" selected");
        assertThat(page)
                .containsPattern(
                        "id=\"likelihood\"[^>]*>\\s*<option value=\"\"[^>]*>[^<]*</option>\\s*<option value=\"LOW\"[^>]*>[^<]*</option>\\s*"
                                + "<option value=\"MEDIUM\"[^>]*>[^<]*</option>\\s*<option value=\"HIGH\" selected");
        assertThat(page)
                .contains("href=\"#consultedOn\">Date de consultation du responsable : Ce champ est obligatoire.")
                .contains("href=\"#consultationNote\">Note de consultation : Ce champ est obligatoire.")
                .containsPattern("id=\"consultedOn\"[^>]*aria-required=\"true\"")
                .containsPattern("id=\"consultationNote\"[^>]*aria-required=\"true\"")
                .contains("Note de consultation</span> <span class=\"required\">(obligatoire)</span>");
    }

    /** Submits the persons search of the entry at {@code path}, then reads the page it comes back to. */
    private String searchPage(MockHttpSession session, String path, String connector, String table, String from)
            throws Exception {
        var search = mvc.perform(post(path + "/persons/search")
                        .session(session)
                        .with(csrf())
                        .param("connector", connector)
                        .param("table", table)
                        .param("emailColumn", "email")
                        .param("timeColumn", "created_at")
                        .param("from", from)
                        .param("to", "2026-11-22T00:00"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        return mvc.perform(get(path).session(session).flashAttrs(search.getFlashMap()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void thePersonsSearchNamesEachBadFieldKeepsWhatWasTypedAndIsOnlyForThoseWhoWriteTheRegister() throws Exception {
        var url = "jdbc:h2:mem:shop-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var c = java.sql.DriverManager.getConnection(url, "sa", "")) {
            c.createStatement()
                    .execute("CREATE TABLE signup (id INT PRIMARY KEY, email VARCHAR(200), created_at TIMESTAMP)");
        }
        var connector = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        connectorDesk.registerJdbc(connector, url, "sa", "", ca.gardien.shared.Actor.SYSTEM);
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(session));
        var location = record(session);
        var path = location.substring(location.indexOf("/console/"));

        assertThat(searchPage(session, path, connector, "signup", "yesterday at noon"))
                .contains("id=\"from-error\"", "Enter a date and a time")
                .contains("value=\"yesterday at noon\"")
                .contains("href=\"#from\">From (included)");
        assertThat(searchPage(session, path, connector, "orders", "2026-11-20T00:00"))
                .contains("id=\"table-error\"")
                .doesNotContain("id=\"found\"");
        assertThat(searchPage(session, path, connector, "signup", "2026-11-20T00:00"))
                .contains("No person held for this incident")
                .doesNotContain("id=\"send-form\"");

        var staff = person(Role.STAFF);
        var staffSession = login(staff.username(), staff.password());
        mvc.perform(post(path + "/persons/search")
                        .session(staffSession)
                        .with(csrf())
                        .param("connector", connector)
                        .param("table", "signup"))
                .andExpect(status().isForbidden());
        var auditor = person(Role.AUDITOR);
        mvc.perform(get(path + "/persons/mailing.csv").session(login(auditor.username(), auditor.password())))
                .andExpect(status().isForbidden());
        mvc.perform(post(path + "/persons/done").session(staffSession).with(csrf()))
                .andExpect(status().isForbidden());
        var mailing = mvc.perform(get(path + "/persons/mailing.csv").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse();
        assertThat(mailing.getContentAsString().strip()).isEqualTo("\uFEFFemail,language");
        assertThat(mailing.getHeader("Content-Disposition")).contains("incident-persons.csv");
    }

    @Test
    void aNewEntryOffersNoLevelUntilOneIsChosenAndAReaderSeesTheAssessmentItself() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(session));
        var location = record(session);
        var path = location.substring(location.indexOf("/console/"));
        var fresh = mvc.perform(get(path).session(session))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(fresh)
                .containsPattern("id=\"sensitivity\"[^>]*>\\s*<option value=\"\" selected=\"selected\">"
                        + "— Choose a level —</option>\\s*<option value=\"LOW\">");
        mvc.perform(post(path + "/assessment")
                        .session(session)
                        .with(csrf())
                        .param("sensitivity", "HIGH")
                        .param("sensitivityReason", "Health records")
                        .param("consequences", "MEDIUM")
                        .param("consequencesReason", "Fraud")
                        .param("likelihood", "LOW")
                        .param("likelihoodReason", "Encrypted disk")
                        .param("consultedOn", "2026-11-21")
                        .param("consultationNote", "Agreed"))
                .andExpect(status().is3xxRedirection());
        var auditor = person(Role.AUDITOR);
        var read = login(auditor.username(), auditor.password());
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(read));
        var shown =
                mvc.perform(get(path).session(read)).andReturn().getResponse().getContentAsString();
        assertThat(shown)
                .doesNotContain("id=\"assessment-form\"")
                .contains("id=\"assessment-shown\"", "Health records", "Encrypted disk", "Agreed")
                .containsPattern("class=\"level-sensitivity\">High<");
    }

    /** Officer's re-walk (2026-12-07): an empty time of awareness was taken as midnight, the hours counted from it. */
    @Test
    void anAwarenessWithoutItsTimeIsRefusedByTheTimeFieldNotTakenAsMidnight() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(
                get("/locale").param("lang", "en").param("return", "/console").session(session));
        var page = new IncidentCalls(mvc).untimedAwareness(session, "Lost laptop");
        assertThat(page)
                .contains("id=\"awareTime-error\"")
                .contains("Give the time, approximate if need be")
                .containsPattern("id=\"title\"[^>]*value=\"Lost laptop\"");
    }
}
