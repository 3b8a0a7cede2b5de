package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;

import com.jayway.jsonpath.JsonPath;
import java.util.HashMap;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Retention sweeps on a real database with generated data, compared row by row with a snapshot taken before: a dry
 * run changes nothing; after the approved real run no expired row remains except held ones, no unexpired row is
 * touched, the children of destroyed rows are gone and the rows that merely linked to them are kept with the link
 * nulled; anonymizing replaces the annotated columns of dormant customers and keeps their rows.
 */
abstract class RetentionSweepAcceptance extends PlantedShop {

    @Test
    void aDryRunChangesNothingAndTheApprovedRunDestroysExactlyTheExpiredRowsNotHeld() throws Exception {
        var officer = officerBearer();
        hold(officer, Map.of("subjectKind", "email", "subject", "C5@example.test", "reason", "litigation 2026-17"));
        var before = shop.snapshot();

        var refused = call(
                post("/api/v1/retention/runs")
                        .header("Authorization", officer)
                        .contentType("application/json")
                        .content("{\"rule\":\"orders\",\"dryRun\":false}"),
                409);
        assertThat(refused).contains("retention");

        var dry = awaitRun(officer, startRun(officer, "orders", true));
        assertThat(shop.snapshot()).as("a dry run changes nothing").isEqualTo(before);
        assertThat((Integer) JsonPath.read(dry, "$.swept")).isEqualTo(95);
        assertThat((Integer) JsonPath.read(dry, "$.held")).isEqualTo(5);
        var table = "$.counts['" + connector + "/orders']";
        var destroyed = new TreeMap<String, Integer>(String.CASE_INSENSITIVE_ORDER);
        destroyed.putAll(JsonPath.read(dry, table + ".destroyed"));
        assertThat(destroyed)
                .containsEntry("order_item", 190)
                .containsEntry("orders", 95)
                .hasSize(2);
        assertThat((Integer) JsonPath.read(dry, table + ".expired")).isEqualTo(100);
        var unlinked = ((Map<String, Integer>) JsonPath.read(dry, table + ".unlinked"))
                .values().stream().mapToInt(Integer::intValue).sum();

        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        var real = awaitRun(officer, startRun(officer, "orders", false));
        assertThat((Integer) JsonPath.read(real, "$.swept")).isEqualTo(95);
        assertThat((Integer) JsonPath.read(real, "$.held")).isEqualTo(5);

        var after = shop.snapshot();
        var gone = new java.util.HashSet<String>();
        before.get("orders").values().forEach(o -> {
            int id = Integer.parseInt(o.get("id"));
            if (id % 2 == 0 && !"5".equals(o.get("customer_id"))) gone.add(o.get("id"));
        });
        assertThat(gone).hasSize(95);
        assertThat(after.get("customer")).as("no parent is touched").isEqualTo(before.get("customer"));
        assertThat(after.get("orders"))
                .isEqualTo(RetentionShop.without(before.get("orders"), o -> gone.contains(o.get("id"))));
        assertThat(after.get("order_item"))
                .isEqualTo(RetentionShop.without(before.get("order_item"), i -> gone.contains(i.get("order_id"))));
        var notes = new TreeMap<String, Map<String, String>>();
        before.get("invoice_note").forEach((k, n) -> {
            var row = new HashMap<>(n);
            if (gone.contains(n.get("order_id"))) row.put("order_id", null);
            notes.put(k, new TreeMap<>(row));
        });
        assertThat(after.get("invoice_note"))
                .as("links to destroyed rows nulled, rows kept")
                .isEqualTo(notes);
        assertThat(unlinked).isEqualTo((int) before.get("invoice_note").values().stream()
                .filter(n -> gone.contains(n.get("order_id")))
                .count());

        var entry = awaitLedgerEntry("retention.run.completed", (Object) JsonPath.read(real, "$.id"));
        assertThat((String) JsonPath.read((String) entry.get("payload"), "$.summarySha256"))
                .isEqualTo(JsonPath.read(real, "$.summarySha256"))
                .hasSize(64);
        var pdf = mvc.perform(get("/api/v1/retention/runs/" + JsonPath.read(real, "$.id") + "/certificate")
                        .header("Authorization", officer)
                        .header("Accept-Language", "fr"))
                .andReturn()
                .getResponse();
        assertThat(pdf.getStatus()).isEqualTo(200);
        assertThat(new String(pdf.getContentAsByteArray(), 0, 5, java.nio.charset.StandardCharsets.ISO_8859_1))
                .isEqualTo("%PDF-");

        var again = awaitRun(officer, startRun(officer, "orders", false));
        assertThat((Integer) JsonPath.read(again, "$.swept"))
                .as("nothing is swept twice")
                .isZero();
        assertThat(shop.snapshot()).isEqualTo(after);
    }

    @Test
    void anonymizingReplacesTheDormantCustomersAnnotatedColumnsAndKeepsTheirRows() throws Exception {
        var officer = officerBearer();
        hold(officer, Map.of("subjectKind", "email", "subject", RetentionShop.HELD_DORMANT, "reason", "complaint"));
        var before = shop.snapshot();
        var dry = awaitRun(officer, startRun(officer, "dormant", true));
        assertThat((Integer) JsonPath.read(dry, "$.swept")).isEqualTo(12); // 13 dormant, one held
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        for (var step : new String[][] {
            {"/api/v1/retention/rules/dormant/anonymization", RetentionAnonymizationTest.ENTRY},
            {"/api/v1/retention/rules/dormant/anonymization/analyses", RetentionAnonymizationTest.analysis(true)}
        }) {
            var request = step[0].endsWith("analyses") ? post(step[0]) : put(step[0]);
            call(
                    request.header("Authorization", officer)
                            .contentType("application/json")
                            .content(step[1]),
                    step[0].endsWith("analyses") ? 201 : 200);
        }
        awaitRun(officer, startRun(officer, "dormant", false));
        var after = shop.snapshot();
        var expected = new TreeMap<String, Map<String, String>>();
        before.get("customer").forEach((k, c) -> {
            var row = new HashMap<>(c);
            int id = Integer.parseInt(c.get("id"));
            if (id % 3 == 0 && id != 6) {
                row.put("email", null);
                row.put("full_name", "anonyme");
            }
            expected.put(k, new TreeMap<>(row));
        });
        assertThat(after.get("customer")).isEqualTo(expected);
        assertThat(after.get("orders")).isEqualTo(before.get("orders"));
        var again = awaitRun(officer, startRun(officer, "dormant", false));
        assertThat((Integer) JsonPath.read(again, "$.swept"))
                .as("anonymized rows are not counted again")
                .isZero();
    }
}
