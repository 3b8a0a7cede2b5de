package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The register of anonymizations as the regulation asks: no real anonymizing run before the purposes, the qualified
 * person, the techniques and security measures are recorded and a risk analysis on the three criteria concludes the
 * risk is very low; analyses come after the purposes; the register exports as CSV without spreadsheet formulas.
 */
class RetentionAnonymizationTest extends PlantedShop {

    static final String ENTRY = """
            {"information": "Email and name of customers inactive for three years",
             "purposes": "=Statistics of purchases by region",
             "supervisor": "Data protection analyst (certified)",
             "techniques": "Suppression of direct identifiers; generalization of dates",
             "securityMeasures": "Kept apart from the customer table; access restricted to analysts"}""";

    static String analysis(boolean veryLow) {
        return """
                {"analysedOn": "%s", "individualization": "No field isolates a customer",
                 "correlation": "No dataset left joins on the removed identifiers",
                 "inference": "Region and year only: nothing personal can be inferred", "veryLow": %s}""".formatted(LocalDate.now().minusDays(1), veryLow);
    }

    private String send(String method, String path, String json, int expected) throws Exception {
        var officer = officerBearer();
        var builder = method.equals("PUT") ? put(path) : post(path);
        return call(
                builder.header("Authorization", officer)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                expected);
    }

    @Test
    void anAnonymizingRunWaitsForTheRegisterEntryAndAVeryLowRisk() throws Exception {
        var officer = officerBearer();
        var dry = awaitRun(officer, startRun(officer, "dormant", true));
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        var refused = send("POST", "/api/v1/retention/runs", "{\"rule\":\"dormant\",\"dryRun\":false}", 409);
        assertThat(refused).contains("register of anonymizations");

        var early = send("POST", "/api/v1/retention/rules/dormant/anonymization/analyses", analysis(true), 409);
        assertThat(early).contains("First record the purposes of the anonymization");
        var blank = send("PUT", "/api/v1/retention/rules/dormant/anonymization", "{}", 400);
        assertThat((List<String>) JsonPath.read(blank, "$.errors[*].field"))
                .containsExactly("information", "purposes", "supervisor", "techniques", "securityMeasures");
        send("PUT", "/api/v1/retention/rules/orders/anonymization", ENTRY, 409); // orders are destroyed

        send("PUT", "/api/v1/retention/rules/dormant/anonymization", ENTRY, 200);
        var badAnalysis = send(
                "POST",
                "/api/v1/retention/rules/dormant/anonymization/analyses",
                "{\"analysedOn\":\"2999-01-01\",\"individualization\":\" \"}",
                400);
        assertThat((List<String>) JsonPath.read(badAnalysis, "$.errors[*].field"))
                .containsExactly("analysedOn", "individualization", "correlation", "inference", "veryLow");
        send("POST", "/api/v1/retention/rules/dormant/anonymization/analyses", analysis(false), 201);
        send("POST", "/api/v1/retention/runs", "{\"rule\":\"dormant\",\"dryRun\":false}", 409);
        send("POST", "/api/v1/retention/rules/dormant/anonymization/analyses", analysis(true), 201);
        awaitRun(officer, startRun(officer, "dormant", false));

        var csv = call(
                get("/api/v1/retention/anonymizations.csv")
                        .header("Authorization", officer)
                        .header("Accept-Language", "fr"),
                200);
        assertThat(csv.lines().findFirst().orElseThrow()).startsWith("Règle,Renseignements anonymisés,Fins");
        assertThat(csv)
                .contains("dormant")
                .contains("'=Statistics of purchases")
                .contains("risque très faible");
        assertThat(csv)
                .contains(LocalDate.now().minusDays(1) + "; " + LocalDate.now().minusDays(1));
        assertThat(String.valueOf(ledgerEntries(officer))).contains("retention.anonymization.analysed");
    }
}
