package ca.gardien.connectors;

import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A table about people without a primary key: the plan says so, and erasure is refused before anything runs. */
class KeylessTableTest extends H2CrmSupport {

    @Override
    void prepare(java.sql.Statement crm) throws java.sql.SQLException {
        crm.execute("CREATE TABLE call_note (customer_id INT REFERENCES customer (id), body VARCHAR(200))");
        crm.execute("INSERT INTO call_note SELECT id, 'called back' FROM customer");
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
