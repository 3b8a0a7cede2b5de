package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.JdbcTemplate;

/** The connectors REST API: registration, secrets, tests, schema, bad input and roles, on an H2 target. */
class ConnectorApiTest extends ConnectorTestSupport {

    static final String PASSWORD = "s3cret-" + UUID.randomUUID();

    @Autowired
    JdbcTemplate gardienDb;

    CrmDatabase crm;
    String connector;

    @BeforeEach
    void crm() throws Exception {
        var name = "crm-" + UUID.randomUUID();
        crm = new CrmDatabase("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", "sa", "");
        crm.create();
        crm.plant();
        connector = "api-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void drop() throws Exception {
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private org.springframework.test.web.servlet.ResultActions registerAs(String bearer, String json) throws Exception {
        return mvc.perform(post("/api/v1/connectors")
                .header("Authorization", bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(json));
    }

    private String registration(String id, String url) {
        return """
                {"id":"%s","type":"jdbc","url":"%s","username":"sa","password":"%s"}""".formatted(id, url, PASSWORD);
    }

    @Test
    void registersAConnectorAndNeverReturnsNorStoresThePasswordInClear() throws Exception {
        registerAs(officerBearer(), registration(connector, crm.url()))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.id").value(connector))
                .andExpect(jsonPath("$.hasSecret").value(true))
                .andExpect(jsonPath("$.capabilities", hasItem("ERASE")))
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(PASSWORD))));
        mvc.perform(get("/api/v1/connectors").header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(status().isOk())
                .andExpect(content().string(not(org.hamcrest.Matchers.containsString(PASSWORD))));
        var stored = gardienDb.queryForObject(
                "SELECT secret FROM connectors_connector WHERE id = ?", String.class, connector);
        assertThat(stored).isNotBlank().doesNotContain(PASSWORD);
        var entry = awaitLedgerEntry("connectors.registered", connector);
        assertThat(entry.toString()).doesNotContain(PASSWORD);
    }

    @Test
    void rejectsBadRegistrationsNamingTheFields() throws Exception {
        registerAs(officerBearer(), """
                        {"id":"Bad Id","type":"ftp","url":"x"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("id")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("type")));
        registerAs(officerBearer(), """
                        {"id":"ok-id","type":"jdbc","url":"jdbc:postgresql://db/x?password=leak"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        registerAs(officerBearer(), """
                        {"id":"ok-id","type":"jdbc","url":"jdbc:nosuchdriver://db"}""")
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("url"));
        registerAs(officerBearer(), "{\"id\":").andExpect(problem(400, "malformed-request"));
    }

    @Test
    void onlyThePersonInChargeAndDelegatesRegisterConnectors() throws Exception {
        registerAs(bearer(Role.STAFF), registration(connector, crm.url())).andExpect(problem(403, "forbidden"));
        registerAs(bearer(Role.AUDITOR), registration(connector, crm.url())).andExpect(problem(403, "forbidden"));
        registerAs(bearer(Role.DELEGATE), registration(connector, crm.url())).andExpect(status().isCreated());
        registerAs(officerBearer(), registration(connector, crm.url())).andExpect(problem(409, "conflict"));
    }

    @Test
    void staffAndAuditorsNeitherTestConnectionsNorReadSchemasSoTheyCannotMakeGardienConnect() throws Exception {
        register(connector, crm.url(), "sa", "");
        for (var role : new Role[] {Role.STAFF, Role.AUDITOR}) {
            var bearer = bearer(role);
            mvc.perform(post("/api/v1/connectors/" + connector + "/test").header("Authorization", bearer))
                    .andExpect(problem(403, "forbidden"));
            mvc.perform(get("/api/v1/connectors/" + connector + "/schema").header("Authorization", bearer))
                    .andExpect(problem(403, "forbidden"));
        }
        mvc.perform(post("/api/v1/connectors/" + connector + "/test").header("Authorization", bearer(Role.DELEGATE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true));
        mvc.perform(get("/api/v1/connectors/" + connector).header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(status().isOk()); // the registration itself stays readable: reading it connects to nothing
    }

    @Test
    void testsTheConnectionAndReadsTheSchema() throws Exception {
        register(connector, crm.url(), "sa", "");
        mvc.perform(post("/api/v1/connectors/" + connector + "/test").header("Authorization", officerBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(true))
                .andExpect(jsonPath("$.product").value("H2"));
        var body = mvc.perform(get("/api/v1/connectors/" + connector + "/schema")
                        .header("Authorization", bearer(Role.DELEGATE)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<java.util.List<String>>read(body, "$.tables[*].name"))
                .hasSize(10);
        assertThat(JsonPath.<java.util.List<Object>>read(body, "$.tables[?(@.name == 'ADDRESS')].primaryKey[*]"))
                .containsExactly("CUSTOMER_ID", "SEQ");
        assertThat(JsonPath.<java.util.List<Object>>read(
                        body, "$.tables[?(@.name == 'ORDER_LINE')].foreignKeys[*].referencedTable"))
                .containsExactlyInAnyOrder("ORDERS", "PRODUCT");
        assertThat(JsonPath.<java.util.List<Object>>read(
                        body, "$.tables[?(@.name == 'CUSTOMER')].indexes[*].columns[0]"))
                .contains("EMAIL");
        awaitLedgerEntry("connectors.tested", connector);
    }

    @Test
    void aDatabaseThatDoesNotAnswerIsReportedNotAServerError() throws Exception {
        register(connector, "jdbc:postgresql://127.0.0.1:1/none?connectTimeout=1", "nobody", "x");
        mvc.perform(post("/api/v1/connectors/" + connector + "/test").header("Authorization", officerBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false));
        mvc.perform(get("/api/v1/connectors/" + connector + "/schema").header("Authorization", officerBearer()))
                .andExpect(problem(503, "connector-unavailable"));
        mvc.perform(post("/api/v1/connectors/" + connector + "/plan")
                        .header("Authorization", officerBearer())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"EXPORT\",\"identities\":{\"email\":\"someone@example.test\"}}"))
                .andExpect(problem(503, "connector-unavailable"));
        mvc.perform(get("/api/v1/connectors/nope").header("Authorization", officerBearer()))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void plansAndRunsRejectBadInputNamingTheFieldsAndAuditorsCannotStartRuns() throws Exception {
        register(connector, crm.url(), "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
        var plan = "/api/v1/connectors/" + connector + "/plan";
        mvc.perform(post(plan)
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"SHRED\",\"identities\":{\"ssn\":\"1\"}}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("action")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("identities.ssn")));
        mvc.perform(post(plan)
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("""
                                {"action":"RECTIFY","identities":{"email":"a@example.test"},
                                 "changes":[{"table":"customer","column":"id","newValue":"9"},
                                            {"table":"product","column":"name","newValue":"x"},
                                            {"table":"customer","column":"full_name","newValue":"%s"}]}""".formatted("x".repeat(300))))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("changes[0].column")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("changes[1].table")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("changes[2].newValue")));
        mvc.perform(post("/api/v1/connectors/" + connector + "/runs")
                        .header("Authorization", bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"ERASE\",\"identities\":{\"email\":\"a@example.test\"}}"))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/connectors/runs/" + UUID.randomUUID()).header("Authorization", officerBearer()))
                .andExpect(problem(404, "not-found"));
    }

    @Test
    void aRefusedPlanNamesWhatIsWrongInFrenchByDefaultAndInEnglishOnRequest() throws Exception {
        register(connector, crm.url(), "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
        var body = """
                {"action":"RECTIFY","identities":{"email":"a@example.test"},
                 "changes":[{"table":"customer","column":"id","newValue":"9"}]}""";
        mvc.perform(post("/api/v1/connectors/" + connector + "/plan")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[0].field").value("changes[0].column"))
                .andExpect(jsonPath("$.errors[0].message")
                        .value("est une clé ou une référence et ne peut pas être rectifiée"));
        mvc.perform(post("/api/v1/connectors/" + connector + "/plan")
                        .header("Authorization", officerBearer())
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"SHRED\",\"identities\":{}}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].message", hasItem("must be EXPORT, ERASE or RECTIFY")))
                .andExpect(jsonPath(
                        "$.errors[*].message", hasItem("must name at least one identifier, e.g. {\"email\": …}")));
    }

    @Test
    void thePackageIsForStaffNotAuditorsAndTheLedgerGetsCountsNotValues() throws Exception {
        register(connector, crm.url(), "sa", "");
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
        var run =
                startRun(connector, "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(run, "COMPLETED");
        mvc.perform(get("/api/v1/connectors/runs/" + run + "/package").header("Authorization", bearer(Role.AUDITOR)))
                .andExpect(problem(403, "forbidden"));
        mvc.perform(get("/api/v1/connectors/runs/" + run + "/package").header("Authorization", bearer(Role.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.records[0].table").exists());
        var entry = awaitLedgerEntry("connectors.run.completed", run);
        assertThat(entry.toString()).contains("packageSha256", "\"rows\"").doesNotContain("alice", "Alice");
        var erase =
                startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(erase, "COMPLETED");
        mvc.perform(get("/api/v1/connectors/runs/" + erase + "/package").header("Authorization", officerBearer()))
                .andExpect(problem(409, "conflict"));
        assertThat(gardienDb.queryForObject("SELECT request FROM connectors_run WHERE id = ?", String.class, erase))
                .as("identifiers are forgotten when the run ends")
                .isNull();
    }

    @Test
    void annotationMistakesAreReportedWithTheirYamlPath() throws Exception {
        mvc.perform(post("/api/v1/inventory/plan")
                        .header("Authorization", officerBearer())
                        .contentType("application/yaml")
                        .content("""
                                datasets:
                                  - id: crm
                                    tables:
                                      - name: customer
                                        columns:
                                          - {name: email, category: nope, identity: "e mail", references: customer}
                                          - {name: phone, erasure: SHRED, origin: GUESSED, colour: red}
                                """))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].path", hasItem("datasets[0].tables[0].columns[0].category")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("datasets[0].tables[0].columns[0].identity")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("datasets[0].tables[0].columns[0].references")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("datasets[0].tables[0].columns[1].erasure")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("datasets[0].tables[0].columns[1].origin")))
                .andExpect(jsonPath("$.errors[*].path", hasItem("datasets[0].tables[0].columns[1].colour")));
    }

    @Test
    void aManualConnectorTurnsARunIntoAStaffTaskCompletedByHand() throws Exception {
        mvc.perform(post("/api/v1/connectors")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"" + connector + "\",\"type\":\"manual\"}"))
                .andExpect(status().isCreated());
        var run = startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"a@example.test\"}}");
        awaitRun(run, "DISPATCHED");
        // attacker's review: {} completed the run with no counts, a failure beside the counts was ignored, and a
        // table given twice kept its last count; each is refused naming the field, the run still waiting
        for (var refused : new String[][] {
            {"{}", "counts"},
            {"{\"counts\":null}", "counts"},
            {"{\"counts\":{\"t\":1},\"failure\":\"x\"}", "failure"},
            {"{\"counts\":{\"t\":1,\"t\":2}}", "counts.t"}
        }) {
            var answer = mvc.perform(post("/api/v1/connectors/runs/" + run + "/complete")
                            .header("Authorization", bearer(Role.STAFF))
                            .contentType(MediaType.APPLICATION_JSON)
                            .content(refused[0]))
                    .andReturn()
                    .getResponse();
            assertThat(answer.getStatus()).as(refused[0]).isEqualTo(400);
            assertThat(JsonPath.<java.util.List<String>>read(answer.getContentAsString(), "$.errors[*].field"))
                    .as(answer.getContentAsString())
                    .contains(refused[1]);
        }
        awaitRun(run, "DISPATCHED");
        mvc.perform(post("/api/v1/connectors/runs/" + run + "/complete")
                        .header("Authorization", bearer(Role.STAFF))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"counts\":{\"paper-files\":2}}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.counts.paper-files").value(2));
        mvc.perform(post("/api/v1/connectors/runs/" + run + "/complete")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"counts\":{}}"))
                .andExpect(problem(409, "conflict"));
    }

    @Test
    void theOpenApiDocumentDescribesACompletionsCountsAsAnObjectOfWholeNumbers() throws Exception {
        var doc = mvc.perform(get("/v3/api-docs"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var ref = JsonPath.<String>read(doc, "$.components.schemas.Completion.properties.counts.$ref");
        var shape = "$.components.schemas." + ref.substring(ref.lastIndexOf('/') + 1);
        assertThat(JsonPath.<String>read(doc, shape + ".type")).isEqualTo("object");
        assertThat(JsonPath.<String>read(doc, shape + ".additionalProperties.type"))
                .isEqualTo("integer");
        assertThat(JsonPath.<java.util.Map<String, Object>>read(doc, "$.components.schemas.Completion.properties"))
                .doesNotContainKey("failure");
    }
}
