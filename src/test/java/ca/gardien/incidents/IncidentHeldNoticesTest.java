package ca.gardien.incidents;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import java.sql.DriverManager;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpMethod;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.MvcResult;

/**
 * Officer's walk of 2026-12-07, with no mail server (every email held in the outbox): the persons' notices placed in
 * the outbox are not dated as transmitted — the entry still shows the notice unsent, the register filter and the
 * timeline say so, the addresses stay for the mailing file, the confirmation says the notices will wait, and closing
 * warns — until the officer records how they were transmitted (date and how), which dates the register and erases
 * the addresses.
 */
@Import(IncidentsTestConfiguration.class)
class IncidentHeldNoticesTest extends WebTestSupport {

    static final List<String> PERSONS = List.of("ana@example.test", "ben@example.test", "chloe@example.test");

    @Autowired
    ca.gardien.connectors.ConnectorDesk connectors;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate gardienDb;

    @Autowired
    ca.gardien.organization.Organization organization;

    private MockHttpSession frenchOfficer() throws Exception {
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(
                get("/locale").param("lang", "fr").param("return", "/console").session(session));
        return session;
    }

    private String page(MockHttpSession session, String path, MvcResult step) throws Exception {
        return new IncidentCalls(mvc).page(session, path, step);
    }

    /** A serious-risk entry whose three persons were found through a connector; its id. */
    private String seriousEntryWithPersonsFound() throws Exception {
        var url = "jdbc:h2:mem:held-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        try (var c = DriverManager.getConnection(url, "sa", "")) {
            c.createStatement().execute("CREATE TABLE customer (id INT PRIMARY KEY, email VARCHAR(200))");
            var insert = c.prepareStatement("INSERT INTO customer VALUES (?, ?)");
            for (int i = 0; i < PERSONS.size(); i++) {
                insert.setInt(1, i + 1);
                insert.setString(2, PERSONS.get(i));
                insert.executeUpdate();
            }
        }
        var connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        connectors.registerJdbc(connector, url, "sa", "", ca.gardien.shared.Actor.SYSTEM);
        var officer = officerBearer();
        var calls = new IncidentCalls(mvc);
        var id = calls.create(officer, IncidentsApiTest.MINIMAL);
        var base = "/api/v1/incidents/" + id;
        calls.send(HttpMethod.POST, officer, base + "/assessment", """
                {"sensitivity": "HIGH", "sensitivityReason": "health information",
                 "consequences": "HIGH", "consequencesReason": "discrimination",
                 "likelihood": "MEDIUM", "likelihoodReason": "not recovered",
                 "consultedOn": "2026-11-22", "consultationNote": "agreed"}""", 200);
        calls.send(HttpMethod.POST, officer, base + "/persons/search", """
                {"connector": "%s", "table": "customer", "emailColumn": "email",
                 "keyColumn": "id", "keys": ["1", "2", "3"]}""".formatted(connector), 200);
        calls.completePersonsNotice(officer, id, organization);
        return id;
    }

    private int addressesKept(String id) {
        return gardienDb.queryForObject(
                "SELECT COUNT(*) FROM incident_person WHERE incident_id = ? AND email_sealed IS NOT NULL",
                Integer.class,
                UUID.fromString(id));
    }

    @Test
    void noticesHeldInTheOutboxAreNotDatedAsTransmittedUntilTheOfficerRecordsHowTheyLeft() throws Exception {
        var id = seriousEntryWithPersonsFound();
        var path = "/console/incidents/" + id;
        var session = frenchOfficer();

        var before = page(session, path, null);
        assertThat(IncidentCalls.between(before, "id=\"send-form\"", ">"))
                .contains("Aucun serveur de courriel n’est configuré")
                .contains("attendront dans la boîte d’envoi");

        var sent = mvc.perform(post(path + "/send").session(session).with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var after = page(session, path, sent);
        assertThat(IncidentCalls.between(after, "id=\"done\"", "</p>")).contains("ne sont pas partis");
        assertThat(IncidentCalls.between(after, "id=\"unsent\"", "</dd>")).contains("Personnes");
        assertThat(IncidentCalls.between(after, "id=\"held-notices\"", "</p>"))
                .contains("3 avis attendent dans la boîte d’envoi");
        assertThat(IncidentCalls.between(after, "id=\"timeline\"", "</ol>"))
                .doesNotContain("L’avis a été transmis aux personnes concernées");
        assertThat(after).contains("id=\"mailing-file\"").doesNotContain("Aucun avis en attente");
        assertThat(IncidentCalls.between(after, "id=\"close-form\"", ">"))
                .contains("3 avis aux personnes attendent encore dans la boîte d’envoi");
        // said on the page too, not only in the question (officer's walk)
        assertThat(IncidentCalls.between(after, "id=\"close-held\"", "</p>"))
                .contains("3 avis aux personnes attendent encore");
        // a notice that never left cannot come back: no « Noter un retour » for them (officer's walk)
        assertThat(IncidentCalls.between(after, "id=\"deliveries\"", "</table>"))
                .doesNotContain("/bounced");
        // erasing the addresses destroys: styled as such and confirmed
        assertThat(IncidentCalls.between(after, "id=\"persons-done-form\"", "</form>"))
                .contains("class=\"danger\"", "data-confirm=\"Effacer les adresses");
        assertThat(page(session, "/console/incidents?unsent=true", null)).contains(path);
        assertThat(addressesKept(id)).isEqualTo(PERSONS.size());
        var entry = new IncidentCalls(mvc).send(HttpMethod.GET, officerBearer(), "/api/v1/incidents/" + id, "", 200);
        assertThat((String) JsonPath.read(entry, "$.personsNoticeOn")).isNull();
        var mailing = mvc.perform(get(path + "/persons/mailing.csv").session(session))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        assertThat(mailing).contains(PERSONS.toArray(String[]::new));

        // recorded without how: refused next to the field, the date typed kept
        var today = LocalDate.now(ZoneId.of("America/Toronto")).toString();
        var refused = mvc.perform(post(path + "/persons/transmitted")
                        .session(session)
                        .with(csrf())
                        .param("sentOn", today)
                        .param("means", ""))
                .andReturn();
        var refusedPage = page(session, path, refused);
        assertThat(refusedPage).contains("id=\"means-error\"");
        assertThat(IncidentCalls.between(refusedPage, "id=\"transmittedOn\"", ">"))
                .contains("value=\"" + today + "\"");
        assertThat(addressesKept(id)).isEqualTo(PERSONS.size());
        var undated = page(
                session,
                path,
                mvc.perform(post(path + "/persons/transmitted")
                                .session(session)
                                .with(csrf())
                                .param("sentOn", "")
                                .param("means", "Par la poste"))
                        .andReturn());
        assertThat(IncidentCalls.between(undated, "id=\"refused\"", "</div>"))
                .contains("href=\"#transmittedOn\"")
                .doesNotContain("href=\"#sentOn\"");

        var recorded = mvc.perform(post(path + "/persons/transmitted")
                        .session(session)
                        .with(csrf())
                        .param("sentOn", today)
                        .param("means", "Lettres envoyées par la poste"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var done = page(session, path, recorded);
        assertThat(IncidentCalls.between(done, "id=\"unsent\"", "</dd>")).doesNotContain("Personnes");
        assertThat(IncidentCalls.between(done, "id=\"transmitted\"", "</ul>"))
                .contains(today, "Lettres envoyées par la poste");
        assertThat(done).doesNotContain("id=\"held-notices\"").doesNotContain("id=\"mailing-file\"");
        assertThat(IncidentCalls.between(done, "id=\"close-form\"", ">")).doesNotContain("boîte d’envoi");
        assertThat(addressesKept(id)).isZero();
        entry = new IncidentCalls(mvc).send(HttpMethod.GET, officerBearer(), "/api/v1/incidents/" + id, "", 200);
        assertThat((String) JsonPath.read(entry, "$.personsNoticeOn")).isEqualTo(today);
        awaitLedgerEntry("incidents.persons-notices-held", id);
        awaitLedgerEntry("incidents.persons-notice-transmitted", id);
    }

    @Test
    void supplementaryInformationToTheCommissionIsRecordedFromTheEntrysPage() throws Exception {
        var id = new IncidentCalls(mvc).create(officerBearer(), IncidentsApiTest.MINIMAL);
        var path = "/console/incidents/" + id;
        var session = frenchOfficer();
        assertThat(page(session, path, null))
                .contains("id=\"supplement-needs-cai\"")
                .doesNotContain("id=\"supplement-form\"");
        new IncidentCalls(mvc).send(HttpMethod.POST, officerBearer(), "/api/v1/incidents/" + id + "/notices", """
                        {"caiNoticeOn": "2026-11-23", "publicNotice": false}""", 200);

        var refused = mvc.perform(post(path + "/supplements")
                        .session(session)
                        .with(csrf())
                        .param("sentOn", "2026-11-22")
                        .param("information", "Nombre de personnes révisé : 130"))
                .andReturn();
        var refusedPage = page(session, path, refused);
        assertThat(refusedPage).contains("id=\"supplementOn-error\"");
        // the summary links to the input itself (two forms of the page take a "sentOn": neither input is #sentOn)
        assertThat(IncidentCalls.between(refusedPage, "id=\"refused\"", "</div>"))
                .contains("href=\"#supplementOn\"")
                .doesNotContain("href=\"#sentOn\"");
        assertThat(IncidentCalls.between(refusedPage, "id=\"information\"", "</textarea>"))
                .contains("Nombre de personnes révisé");

        var recorded = mvc.perform(post(path + "/supplements")
                        .session(session)
                        .with(csrf())
                        .param("sentOn", "2026-11-24")
                        .param("information", "Nombre de personnes révisé : 130"))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        var done = page(session, path, recorded);
        assertThat(IncidentCalls.between(done, "id=\"supplement-list\"", "</ul>"))
                .contains("2026-11-24", "Nombre de personnes révisé : 130");
        var reader = person(ca.gardien.organization.Role.AUDITOR);
        var auditor = login(reader.username(), reader.password());
        assertThat(page(auditor, path, null))
                .contains("id=\"supplement-list\"")
                .doesNotContain("id=\"supplement-form\"");
        mvc.perform(post(path + "/supplements")
                        .session(auditor)
                        .with(csrf())
                        .param("sentOn", "2026-11-24")
                        .param("information", "x"))
                .andExpect(status().isForbidden());
        var listed = new IncidentCalls(mvc)
                .send(
                        HttpMethod.GET,
                        officerBearer(),
                        "/api/v1/incidents/" + id + "/notices/commission/supplements",
                        "",
                        200);
        assertThat((List<String>) JsonPath.read(listed, "$[*].sentOn")).containsExactly("2026-11-24");
    }
}
