package ca.gardien.connectors;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A table about people without a primary key: the plan says so, and erasure is refused before anything runs. */
class KeylessTableTest extends ConnectorTestSupport {

    @Autowired
    ConnectorCatalog catalog;

    CrmDatabase crm;
    String connector;

    @BeforeEach
    void crm() throws Exception {
        crm = new CrmDatabase("jdbc:h2:mem:crm-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
        crm.create();
        crm.plant();
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("CREATE TABLE call_note (customer_id INT REFERENCES customer (id), body VARCHAR(200))");
            s.execute("INSERT INTO call_note SELECT id, 'called back' FROM customer");
        }
        connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        register(connector, crm.url(), crm.user(), crm.password());
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
    }

    @AfterEach
    void drop() throws Exception {
        catalog.evict(connector);
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("SHUTDOWN");
        }
    }

    private String body(String action) {
        return "{\"action\":\"" + action + "\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}";
    }

    @Test
    void theErasurePlanWarnsAndTheErasureIsRefusedNamingTheTable() throws Exception {
        var before = crm.snapshot();
        mvc.perform(post("/api/v1/connectors/" + connector + "/plan")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("ERASE")))
                .andExpect(status().isOk())
                .andExpect(jsonPath(
                        "$.warnings", hasItem(org.hamcrest.Matchers.startsWith("CALL_NOTE has no primary key"))));
        mvc.perform(post("/api/v1/connectors/" + connector + "/runs")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("ERASE")))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.errors[0].field").value("action"))
                .andExpect(jsonPath("$.errors[0].message").value(org.hamcrest.Matchers.containsString("CALL_NOTE")));
        org.assertj.core.api.Assertions.assertThat(crm.snapshot()).isEqualTo(before);
    }

    @Test
    void anExportStillRunsAndItsPlanCarriesNoSuchWarning() throws Exception {
        mvc.perform(post("/api/v1/connectors/" + connector + "/plan")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body("EXPORT")))
                .andExpect(status().isOk())
                .andExpect(
                        jsonPath("$.warnings", not(hasItem(org.hamcrest.Matchers.containsString("no primary key")))));
        awaitRun(startRun(connector, body("EXPORT")), "COMPLETED");
    }
}
