package ca.gardien.requests;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortabilityPackageTest extends RequestsTestSupport {

    @Test
    void holdsJsonAndCsvOfTheInformationCollectedFromThePersonOnly() throws Exception {
        var email = email();
        var id = inProgress("PORTABILITY", email);
        completeTasks(id, """
                [{"category": "contact", "source": "person", "fields": {"phone": "+1 418 555 0123"}},
                 {"category": "score", "source": "organization", "fields": {"churnRisk": "0.7"}}]""");
        draft(id, staff, "{\"outcome\": \"FULFILLED\"}").andExpect(status().isOk());
        mvc.perform(post("/api/v1/requests/" + id + "/approve").header("Authorization", officerBearer()));
        mvc.perform(post("/api/v1/requests/" + id + "/send").header("Authorization", staff));

        var files = downloaded(id);

        assertThat(files).containsKeys("data.json", "data.csv", "letter.pdf");
        var csv = new String(files.get("data.csv"), StandardCharsets.UTF_8);
        assertThat(csv)
                .startsWith("system,category,field,value\r\n")
                .contains("crm,contact,phone,\"'+1 418 555 0123\"");
        assertThat(csv + new String(files.get("data.json"), StandardCharsets.UTF_8))
                .doesNotContain("churnRisk");
        // the ids stay, each with its words in the request's language (French) beside it
        assertThat(new String(files.get("data.json"), StandardCharsets.UTF_8))
                .contains("\"type\":\"PORTABILITY\"", "\"systemNames\":{\"crm\":\"CRM\"}")
                .contains("\"category\":\"contact\",\"categoryName\":\"Coordonnées\"")
                .contains("\"source\":\"person\",\"sourceName\":\"Recueilli auprès de la personne\"")
                .contains("\"typeName\":\"Communication dans un format technologique structuré (portabilité)\"");
    }

    @Test
    void csvQuotesSeparatorsAndNeutralizesFormulas() {
        var csv = AccessPackage.csv(
                Map.of("crm", List.of(new TaskResult.FoundRecord("c", "person", Map.of("f", "=SUM(A1), \"x\"")))));
        assertThat(csv).contains("crm,c,f,\"'=SUM(A1), \"\"x\"\"\"");
    }
}
