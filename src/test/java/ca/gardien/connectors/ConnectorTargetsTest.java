package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.spi.ConnectorSettings;
import ca.gardien.organization.Role;
import com.zaxxer.hikari.HikariDataSource;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.web.servlet.ResultActions;

/** The probe's connector findings through the API and the console: C1, H1, and L2 for webhooks. */
class ConnectorTargetsTest extends ConnectorTestSupport {

    @Autowired
    JdbcTemplate gardienDb;

    @Autowired
    ConnectorStore store;

    @Autowired
    DataSource gardien;

    @TempDir
    Path dir;

    static String newId() {
        return "target-" + UUID.randomUUID().toString().substring(0, 8);
    }

    ResultActions registerAs(String bearer, String id, String type, String url, String language) throws Exception {
        var body =
                RunStore.JSON.writeValueAsString(new ConnectorRegistration(id, type, url, "sa", "k".repeat(40), null));
        var request = post("/api/v1/connectors")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body);
        return mvc.perform(language == null ? request : request.header("Accept-Language", language));
    }

    long stored(String id) {
        return gardienDb.queryForObject("SELECT COUNT(*) FROM connectors_connector WHERE id = ?", Long.class, id);
    }

    @Test
    void theProbesDotlessIInitIsRefusedEvenWithH2EnabledNothingIsStoredAndTheAttemptIsRecorded() throws Exception {
        var marker = dir.resolve("rce-proof.txt");
        var id = newId();
        var url = "jdbc:h2:mem:probe-" + id + ";\u0131nit=CREATE ALIAS PRB AS 'void p(String f) throws Exception {"
                + " java.nio.file.Files.writeString(java.nio.file.Path.of(f), \"rce\"); }'\\;CALL PRB('" + marker
                + "')";

        registerAs(bearer(Role.DELEGATE), id, "jdbc", url, null)
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message", containsString("ASCII")));

        assertThat(stored(id)).isZero();
        assertThat(marker).doesNotExist();
        var fact = awaitLedgerEntry("connectors.registration-refused", id);
        assertThat(fact.toString()).contains("\"fields\":\"url\"").doesNotContain("PRB", "nit=");
        mvc.perform(post("/api/v1/connectors/" + id + "/test").header("Authorization", officerBearer()))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void initAndUnknownH2SettingsAreRefusedNamingTheUrlInFrenchOrEnglish() throws Exception {
        var url = "jdbc:h2:mem:x;INIT=RUNSCRIPT FROM 'evil.sql'";
        registerAs(officerBearer(), newId(), "jdbc", url, "fr-CA,fr;q=0.9")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message", containsString("la propriété INIT est refusée")));
        registerAs(officerBearer(), newId(), "jdbc", url, "en")
                .andExpect(
                        jsonPath("$.errors[0].message", containsString("property INIT is refused for every driver")));
        registerAs(officerBearer(), newId(), "jdbc", url, null) // French by default, like the rest of the API
                .andExpect(jsonPath("$.errors[0].message", containsString("la propriété INIT est refusée")));
        registerAs(officerBearer(), newId(), "jdbc", "jdbc:h2:mem:x;NO_SUCH_SETTING=1", "en")
                .andExpect(jsonPath("$.errors[0].field").value("url"))
                .andExpect(jsonPath("$.errors[0].message", containsString("NO_SUCH_SETTING is not allowed for h2")));
        registerAs(officerBearer(), newId(), "jdbc", "jdbc:postgresql://db.example.test/crm?socketFactory=x", "en")
                .andExpect(jsonPath("$.errors[0].message", containsString("socketFactory is refused")));
    }

    @Test
    void gardiensOwnDatabaseIsRefusedByUrlAndByName() throws Exception {
        var own = ((HikariDataSource) gardien).getJdbcUrl();
        assertThat(own).startsWith("jdbc:h2:mem:");
        var name = own.substring("jdbc:h2:mem:".length()).split(";")[0];
        for (var url : List.of(own, "jdbc:h2:mem:" + name, "jdbc:h2:mem:" + name.toUpperCase())) {
            var id = newId();
            registerAs(bearer(Role.DELEGATE), id, "jdbc", url, "en")
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[0].field").value("url"))
                    .andExpect(jsonPath("$.errors[0].message", containsString("Gardien's own database")));
            assertThat(stored(id)).isZero();
        }
    }

    @Test
    void anOldRegistrationToAForbiddenAddressNeitherTestsNorReadsItsSchemaNorPlansNorRuns() throws Exception {
        var id = newId();
        var database = "old-" + id;
        store.insert(
                new ConnectorSettings(
                        id,
                        "jdbc",
                        "jdbc:h2:mem:" + database + ";DB_CLOSE_DELAY=-1;INIT=CREATE TABLE PWNED(X INT)",
                        "sa",
                        "",
                        null),
                Instant.now());
        var officer = officerBearer();
        var run = "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"a@example.test\"}}";

        mvc.perform(post("/api/v1/connectors/" + id + "/test").header("Authorization", officer))
                .andExpect(problem(422, "connector-refused"))
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        mvc.perform(get("/api/v1/connectors/" + id + "/schema").header("Authorization", officer))
                .andExpect(problem(422, "connector-refused"));
        for (var path : List.of("/plan", "/runs")) {
            mvc.perform(post("/api/v1/connectors/" + id + path)
                            .header("Authorization", officer)
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(run))
                    .andExpect(problem(422, "connector-refused"));
        }
        awaitLedgerEntry("connectors.connection-refused", id);

        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/console/connectors/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content().string(containsString("Gardien ne se connecte plus à ce connecteur")));
        var tested = mvc.perform(post("/console/connectors/" + id + "/test")
                        .session(session)
                        .with(csrf()))
                .andExpect(status().is3xxRedirection())
                .andReturn();
        mvc.perform(get("/console/connectors/" + id).session(session).flashAttrs(tested.getFlashMap()))
                .andExpect(content().string(containsString("la propriété INIT est refusée")));

        try (var c = DriverManager.getConnection("jdbc:h2:mem:" + database, "sa", "");
                var rs = c.getMetaData().getTables(null, null, "PWNED", null)) {
            assertThat(rs.next()).as("the INIT of the old URL never ran").isFalse();
        }
    }

    @Test
    void webhookRegistrationRefusesNonPublicAddressesNamingTheUrl() throws Exception {
        var officer = officerBearer();
        for (var url : List.of(
                "http://169.254.169.254/latest/meta-data",
                "http://10.0.0.1/hook",
                "https://192.168.1.10/hook",
                "http://100.64.0.1/hook",
                "http://[fe80::1]/hook",
                "http://[fd00::1]/hook",
                "http://[::ffff:169.254.169.254]/hook",
                "http://2130706433/hook",
                "http://0177.0.0.1/hook")) {
            var id = newId();
            registerAs(officer, id, "webhook", url, "en")
                    .andExpect(problem(400, "validation"))
                    .andExpect(jsonPath("$.errors[*].field", hasItem("url")));
            assertThat(stored(id)).as(url).isZero();
        }
        // the test configuration allows loopback (gardien.connectors.outbound.allow) for the local test services
        registerAs(officer, newId(), "webhook", "http://127.0.0.1:9/hook", "en").andExpect(status().isCreated());
    }

    @Test
    void anOldWebhookToTheMetadataAddressIsRefusedBeforeAnyCall() throws Exception {
        var id = newId();
        store.insert(
                new ConnectorSettings(
                        id, "webhook", "http://169.254.169.254/latest/meta-data", null, "k".repeat(40), null),
                Instant.now());
        mvc.perform(post("/api/v1/connectors/" + id + "/test")
                        .header("Authorization", officerBearer())
                        .header("Accept-Language", "en"))
                .andExpect(problem(422, "connector-refused"))
                .andExpect(jsonPath("$.errors[0].message", containsString("loopback, private, link-local")));
    }
}
