package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.flash;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.connectors.runs.RunStore;
import ca.gardien.inventory.Inventory;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import java.io.ByteArrayInputStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/**
 * A rights request whose data map names a system served by a JDBC connector (a synthetic CRM in its own H2 database):
 * the connector does the task by itself once the person's identity is proven, and the answer holds what it exported.
 */
class RequestTaskRunsTest extends ConnectorTestSupport {

    static final String MAP = """
            subjectCategories:
              - {id: customer, name: {fr: Clients, en: Customers}}
            purposes:
              - {id: service, name: {fr: Service, en: Service}, kind: primary}
            legalBases:
              - {id: contract, kind: contract, name: {fr: Contrat, en: Contract}}
            systems:
              - {id: %1$s, name: Shop, owner: sales, hostingLocation: Montréal, jurisdiction: CA-QC,
                 holdsPersonalInformation: true, introducedOn: "2020-01-01"}
            processingActivities:
              - {id: shop, name: {fr: Boutique, en: Shop}, subjects: [customer], categories: [contact],
                 purposes: [service], legalBasis: contract, source: person, systems: [%1$s]}
            """;

    private static final Pattern CODE = Pattern.compile("\\b(\\d{6})\\b");

    @Autowired
    Inventory inventory;

    @Autowired
    Outbox outbox;

    String connector;
    CrmDatabase crm;
    String staff;

    @BeforeEach
    void shop() throws Exception {
        connector = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        crm = new CrmDatabase("jdbc:h2:mem:" + connector + ";DB_CLOSE_DELAY=-1", "sa", "");
        crm.create();
        crm.plant();
        var registration = new ConnectorRegistration(connector, "jdbc", crm.url(), "sa", "", null);
        mvc.perform(post("/api/v1/connectors")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(RunStore.JSON.writeValueAsString(registration)))
                .andExpect(status().isCreated());
        var map = (tools.jackson.databind.node.ObjectNode) YAML.readTree(MAP.formatted(connector));
        map.setAll(
                (tools.jackson.databind.node.ObjectNode) YAML.readTree(CrmDatabase.ANNOTATIONS.formatted(connector)));
        inventory.apply(YAML.writeValueAsString(map), Actor.SYSTEM);
        staff = bearer(Role.STAFF);
    }

    @Test
    void anAccessRequestIsAnsweredWithExactlyThePlantedPersonsRowsExportedByTheConnector() throws Exception {
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\"}");
        verifyEmail(id);
        var task = awaitTask(id, "DONE");
        assertThat(task.get("outcome")).isEqualTo("FOUND");
        awaitLedgerEntry(
                "requests.task-completed", e -> String.valueOf(e.get("actor")).contains("connector:" + connector));

        var data = answer(id);
        List<Map<String, Object>> records = JsonPath.read(data, "$.systems['" + connector + "']");
        var keys = new TreeMap<String, List<String>>();
        for (var record : records) {
            if (!"organization".equals(record.get("source"))) continue; // key columns are not annotated COLLECTED
            var table = ((String) record.get("category")).toLowerCase();
            var fields = lowerCase(record.get("fields"));
            keys.computeIfAbsent(table, t -> new java.util.ArrayList<>())
                    .add(String.join(
                            "|",
                            CrmDatabase.keyColumns(table).stream()
                                    .map(fields::get)
                                    .toList()));
        }
        keys.values().forEach(list -> list.sort(null));
        assertThat(keys).isEqualTo(new TreeMap<>(CrmDatabase.ALICE_ROWS));
        assertThat(records)
                .filteredOn(r ->
                        "person".equals(r.get("source")) && "customer".equalsIgnoreCase((String) r.get("category")))
                .singleElement()
                .satisfies(r -> assertThat(lowerCase(r.get("fields")))
                        .containsOnlyKeys("email", "full_name")
                        .containsEntry("email", CrmDatabase.ALICE));
        assertThat(data).doesNotContain("bob@example.test", "Carol");
    }

    @Test
    void aDestructionRequestErasesThePersonsRowsAndCompletesTheTask() throws Exception {
        var before = crm.snapshot();
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\"}", "DESTRUCTION");
        verifyEmail(id);
        var task = awaitTask(id, "DONE");
        assertThat(task.get("outcome")).isEqualTo("DONE");
        assertThat((String) task.get("note")).contains("Fait par le connecteur (effacement, " + connector + ")");
        var after = crm.snapshot();
        after.get("support_ticket").get("70").put("customer_email", "kh:");
        assertThat(after).isEqualTo(CrmAcceptance.expectedAfterErasure(before));
    }

    @Test
    void aRectificationTaskAppliesExactlyTheChangesStaffNameAndIsCompletedByTheRun() throws Exception {
        var before = crm.snapshot();
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\"}", "RECTIFICATION");
        verifyEmail(id);
        var task = (String) awaitTask(id, "OPEN").get("id");
        var path = "/api/v1/requests/" + id + "/tasks/" + task + "/rectification";
        var change = "{\"changes\": [{\"table\": \"customer\", \"column\": \"%s\", \"newValue\": \"Alice Martin\"}]}";

        mvc.perform(post(path)
                        .header("Authorization", bearer(Role.AUDITOR))
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("full_name")))
                .andExpect(status().isForbidden());
        mvc.perform(post(path)
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("no_such_column")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changes[0].column"));
        mvc.perform(post(path)
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"changes\": []}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("changes"));
        assertThat(crm.snapshot()).as("nothing changed by refused corrections").isEqualTo(before);

        mvc.perform(post(path)
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("full_name")))
                .andExpect(status().isAccepted());

        var done = awaitTask(id, "DONE");
        assertThat((String) done.get("note")).contains("Fait par le connecteur (rectification, " + connector + ")");
        var after = crm.snapshot();
        assertThat(after.get("customer").get("1").get("full_name")).isEqualTo("Alice Martin");
        after.get("customer")
                .get("1")
                .put("full_name", before.get("customer").get("1").get("full_name"));
        assertThat(after).as("nothing else changed").isEqualTo(before);
        mvc.perform(post(path)
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(change.formatted("full_name")))
                .andExpect(status().isConflict());
    }

    @Test
    void theRequestPageOffersTheCorrectionsFormAndAppliesItsRows() throws Exception {
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\"}", "RECTIFICATION");
        verifyEmail(id);
        var task = (String) awaitTask(id, "OPEN").get("id");
        var session = login(OFFICER, OFFICER_PASSWORD);
        mvc.perform(get("/console/requests/" + id).session(session))
                .andExpect(status().isOk())
                .andExpect(content()
                        .string(org.hamcrest.Matchers.containsString(
                                "/console/requests/" + id + "/tasks/" + task + "/rectification")))
                .andExpect(content().string(org.hamcrest.Matchers.containsString("Corriger par le connecteur")));

        mvc.perform(post("/console/requests/" + id + "/tasks/" + task + "/rectification")
                        .session(session)
                        .with(csrf())
                        .param("table", "customer", "", "")
                        .param("column", "no_such_column", "", "")
                        .param("newValue", "Alice Martin", "", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute(
                                "refused",
                                org.hamcrest.Matchers.containsString(
                                        "Colonne, correction 1 : Ce champ n’est pas une colonne")));
        mvc.perform(post("/console/requests/" + id + "/tasks/" + task + "/rectification")
                        .session(session)
                        .with(csrf())
                        .param("table", "customer", "", "")
                        .param("column", "full_name", "", "")
                        .param("newValue", "Alice Martin", "", ""))
                .andExpect(status().is3xxRedirection())
                .andExpect(flash().attribute("done", true));

        awaitTask(id, "DONE");
        assertThat(crm.snapshot().get("customer").get("1").get("full_name")).isEqualTo("Alice Martin");
    }

    @Test
    void onlyATaskOfARectificationRequestIsCorrectedThisWay() throws Exception {
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\"}", "ACCESS");
        verifyEmail(id);
        var task = (String) awaitTask(id, "DONE").get("id");
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + task + "/rectification")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"changes\": [{\"table\": \"customer\", \"column\": \"full_name\","
                                + " \"newValue\": \"X\"}]}"))
                .andExpect(status().isConflict());
        mvc.perform(post("/api/v1/requests/" + id + "/tasks/" + UUID.randomUUID() + "/rectification")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"changes\": []}"))
                .andExpect(status().isNotFound());
    }

    @Test
    void nothingIsStartedWhileAnIdentifierIsUnverifiedAndOnlyVerifiedOnesArePassed() throws Exception {
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\", \"customerNumber\": \"C-0002\"}");
        verifyEmail(id);
        var tasks = mvc.perform(get("/api/v1/requests/" + id + "/tasks").header("Authorization", staff))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<List<Object>>read(tasks, "$")).isEmpty();

        var request = new ca.gardien.requests.RightsRequest(
                UUID.randomUUID(),
                "R-2026-00001",
                ca.gardien.requests.RequestType.ACCESS,
                ca.gardien.requests.RequestStatus.IN_PROGRESS,
                "QC",
                ca.gardien.requests.RightsRequest.Channel.API,
                "fr",
                null,
                null,
                null,
                null,
                ca.gardien.requests.RightsRequest.Review.NOT_REQUIRED,
                ca.gardien.requests.RightsRequest.Review.NOT_REQUIRED,
                null,
                null,
                null,
                null,
                List.of(
                        state(ca.gardien.shared.IdentifierKind.EMAIL, CrmDatabase.ALICE, true),
                        state(ca.gardien.shared.IdentifierKind.CUSTOMER, "C-0002", false),
                        state(ca.gardien.shared.IdentifierKind.PHONE, "+15145550102", false)),
                null,
                null,
                0);
        assertThat(RequestTaskRuns.verified(request, java.util.Set.of("email", "customerNumber", "phone")))
                .isEqualTo(Map.of("email", CrmDatabase.ALICE));
    }

    @Test
    void aFailingConnectorLeavesTheTaskOpenForStaffWithANote() throws Exception {
        mvc.perform(get("/api/v1/connectors/" + connector + "/schema").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("DROP TABLE ticket_message");
        }
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\"}");
        verifyEmail(id);
        var task = await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> awaitTask(id, "OPEN"), t -> t.get("note") != null);
        assertThat((String) task.get("note")).contains(connector, "a échoué", "état SQL");
        assertThat(task.get("status")).isEqualTo("OPEN");
    }

    @Test
    void aRunTheConnectorRefusesLeavesTheTaskOpenWithANoteThatIsKept() throws Exception {
        try (var c = crm.connect();
                var s = c.createStatement()) { // a table about people without a primary key: erasure is refused
            s.execute("CREATE TABLE call_note (customer_id INT REFERENCES customer (id), body VARCHAR(200))");
        }
        mvc.perform(get("/api/v1/connectors/" + connector + "/schema")
                        .param("refresh", "true")
                        .header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        var before = crm.snapshot();
        var id = submitted("{\"email\": \"" + CrmDatabase.ALICE + "\"}", "DESTRUCTION");
        verifyEmail(id);

        var task = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> awaitTask(id, "OPEN"), t -> t.get("note") != null);

        assertThat((String) task.get("note")).contains(connector, "n’a pas pu démarrer", "n’a pas de clé primaire");
        var english = mvc.perform(get("/api/v1/requests/" + id + "/tasks")
                        .header("Authorization", staff)
                        .header("Accept-Language", "en"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(JsonPath.<String>read(english, "$[0].note"))
                .contains(connector, "could not start", "cannot erase: table", "has no primary key");
        assertThat(crm.snapshot()).isEqualTo(before);
    }

    @Test
    void aLetterGivingOnlyANameAndAnAddressLeavesTheConnectorsTaskToStaffWithANoteAndOffersNoCorrectionsForm()
            throws Exception {
        var before = crm.snapshot();
        var access = paper("ACCESS");
        proveByOfficer(access);
        var task = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(() -> awaitTask(access, "OPEN"), t -> t.get("note") != null);
        assertThat((String) task.get("note"))
                .contains(connector, "la demande ne donne aucun identifiant", "À faire par le personnel");
        assertThat(crm.snapshot()).isEqualTo(before);

        var rectification = paper("RECTIFICATION");
        proveByOfficer(rectification);
        var open = (String) awaitTask(rectification, "OPEN").get("id");
        var page = mvc.perform(get("/console/requests/" + rectification).session(login(OFFICER, OFFICER_PASSWORD)))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(page)
                .as("no form whose every use the connector would refuse: it has nothing to search by")
                .doesNotContain("/tasks/" + open + "/rectification")
                .contains("/tasks/" + open + "/complete");
    }

    /** A letter entered by the officer with the person's name and postal address and no identifier. */
    private UUID paper(String type) throws Exception {
        var request = new org.springframework.mock.web.MockMultipartFile(
                "request",
                "",
                MediaType.APPLICATION_JSON_VALUE,
                ("{\"type\": \"" + type + "\", \"jurisdiction\": \"QC\", \"channel\": \"MAIL\","
                                + " \"subjectCategory\": \"customer\", \"addressee\": {\"name\": \"Alice Synthétique\","
                                + " \"postalAddress\": \"1 rue des Essais\\nMontréal\"}}")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var body = mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart(
                                "/api/v1/requests/officer-entry")
                        .file(request)
                        .header("Authorization", staff))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private void proveByOfficer(UUID id) throws Exception {
        mvc.perform(post("/api/v1/requests/" + id + "/identity-proof")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"basis\": \"IN_PERSON_ID_CHECK\", \"reason\": \"Pièce d'identité vue\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("IN_PROGRESS"));
    }

    private static ca.gardien.requests.RightsRequest.IdentifierState state(
            ca.gardien.shared.IdentifierKind kind, String value, boolean verified) {
        return new ca.gardien.requests.RightsRequest.IdentifierState(kind, value, verified, null, false, null);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, String> lowerCase(Object fields) {
        var out = new HashMap<String, String>();
        ((Map<String, Object>) fields).forEach((k, v) -> out.put(k.toLowerCase(), String.valueOf(v)));
        return out;
    }

    private UUID submitted(String subject) throws Exception {
        return submitted(subject, "ACCESS");
    }

    private UUID submitted(String subject, String type) throws Exception {
        var body = mvc.perform(post("/api/v1/requests")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"" + type + "\", \"subject\": " + subject
                                + ", \"jurisdiction\": \"QC\", \"channel\": \"API\", \"language\": \"fr\","
                                + " \"subjectCategory\": \"customer\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        return UUID.fromString(JsonPath.read(body, "$.id"));
    }

    private void verifyEmail(UUID id) throws Exception {
        var message = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.code"))
                .toList()
                .getLast();
        var matcher = CODE.matcher(message.body());
        assertThat(matcher.find()).isTrue();
        mvc.perform(post("/requests/" + id + "/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"EMAIL\", \"code\": \"" + matcher.group(1) + "\"}"))
                .andExpect(status().isOk());
    }

    private Map<String, Object> awaitTask(UUID id, String state) {
        return await().atMost(Duration.ofSeconds(60))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            var body = mvc.perform(get("/api/v1/requests/" + id + "/tasks")
                                            .header("Authorization", staff))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString();
                            List<Map<String, Object>> tasks = JsonPath.read(body, "$");
                            return tasks.size() == 1
                                            && state.equals(tasks.getFirst().get("status"))
                                    ? tasks.getFirst()
                                    : null;
                        },
                        t -> t != null);
    }

    /** Drafts, approves and sends the answer, then downloads it as the person would and returns its data.json. */
    private String answer(UUID id) throws Exception {
        mvc.perform(put("/api/v1/requests/" + id + "/response")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"outcome\": \"FULFILLED\"}"))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", officerBearer()))
                .andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/send").header("Authorization", staff))
                .andExpect(status().isOk());
        var link = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.delivery"))
                .findFirst()
                .orElseThrow()
                .body()
                .replaceAll("(?s).*(/requests/download/[A-Za-z0-9_-]+).*", "$1");
        var zip = mvc.perform(post(link)).andReturn().getResponse().getContentAsByteArray();
        try (var in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (var entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                if (entry.getName().equals("data.json")) return new String(in.readAllBytes(), "UTF-8");
            }
        }
        throw new AssertionError("no data.json in the answer");
    }
}
