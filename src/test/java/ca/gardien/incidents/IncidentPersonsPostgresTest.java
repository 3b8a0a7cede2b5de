package ca.gardien.incidents;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** The persons of an incident found on a real PostgreSQL, in a fresh schema per test (Gardien stays on H2). */
@ExtendWith(PostgresCondition.class)
class IncidentPersonsPostgresTest extends IncidentPersonsAcceptance {

    private PostgresSchema.Fresh fresh;
    private String schema;

    @Override
    String freshDatabase() {
        fresh = PostgresSchema.fresh("shop_");
        schema = fresh.name();
        return fresh.url();
    }

    @Override
    void dropDatabase() {
        fresh.drop();
    }

    @org.junit.jupiter.api.Test
    void aTableWhoseNameHoldsQuotesIsReadAsANameAndRunsNothing() throws Exception {
        var weird = "signup\";CREATE TABLE " + schema + ".pwn(a int)--";
        PostgresSchema.execute(
                PostgresCondition.url(),
                "CREATE TABLE " + schema + ".\"" + weird.replace("\"", "\"\"")
                        + "\" (email VARCHAR(200), created_at TIMESTAMP)");
        PostgresSchema.execute(
                PostgresCondition.url(),
                "INSERT INTO " + schema + ".\"" + weird.replace("\"", "\"\"")
                        + "\" VALUES ('ana@example.test', TIMESTAMP '2026-11-19 10:00:00')");
        var shop = "quoted-" + UUID.randomUUID().toString().substring(0, 8);
        mvc.perform(org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post("/api/v1/connectors")
                        .header(org.springframework.http.HttpHeaders.AUTHORIZATION, officerBearer())
                        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"%s\",\"type\":\"jdbc\",\"url\":\"%s\"}".formatted(shop, url)))
                .andExpect(org.springframework.test.web.servlet.result.MockMvcResultMatchers.status()
                        .isCreated());
        try {
            var officer = officerBearer();
            var id = newIncident(officer);
            var found = call(
                    org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post(
                                    "/api/v1/incidents/" + id + "/persons/search")
                            .header(org.springframework.http.HttpHeaders.AUTHORIZATION, officer)
                            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
                            .content(new tools.jackson.databind.ObjectMapper()
                                    .writeValueAsString(java.util.Map.of(
                                            "connector", shop,
                                            "table", weird,
                                            "emailColumn", "email",
                                            "timeColumn", "created_at",
                                            "from", "2026-11-18T00:00:00Z",
                                            "to", "2026-11-21T00:00:00Z"))),
                    200);
            org.assertj.core.api.Assertions.assertThat((Integer) com.jayway.jsonpath.JsonPath.read(found, "$.found"))
                    .isEqualTo(1);
            try (var c = java.sql.DriverManager.getConnection(url);
                    var rs = c.getMetaData().getTables(null, schema, "pwn", null)) {
                org.assertj.core.api.Assertions.assertThat(rs.next())
                        .as("the name's SQL ran")
                        .isFalse();
            }
        } finally {
            ca.gardien.connectors.ConnectorPools.release(catalog, shop);
        }
    }
}
