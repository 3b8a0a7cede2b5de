package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import com.jayway.jsonpath.JsonPath;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Legal holds against the attacker's review: a held person's row anywhere below an expired row (found as an erasure
 * of that person would find it, emails without letter case) keeps that row whole; a table held whole keeps every row
 * above its rows; a row that merely links to an expired row is a held row too and is not changed.
 */
class RetentionHoldsTest extends PlantedShop {

    private static final String CONTACTS = """
                  - name: order_contact
                    columns:
                      - {name: contact_email, category: contact, identity: email}
            """;

    private void contacts() throws Exception {
        try (var c = shop.connect();
                var s = c.createStatement()) {
            s.execute("CREATE TABLE order_contact (id INT NOT NULL PRIMARY KEY, order_id INT NOT NULL,"
                    + " contact_email VARCHAR(200), FOREIGN KEY (order_id) REFERENCES orders (id))");
            s.execute("INSERT INTO order_contact VALUES (1, 10, 'C7@EXAMPLE.test'), (2, 12, 'someone@example.test')");
        }
        annotate(RetentionShop.ANNOTATIONS.formatted(connector) + CONTACTS);
    }

    private String approvedRealRun(String officer) throws Exception {
        var dry = awaitRun(officer, startRun(officer, "orders", true));
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        return awaitRun(officer, startRun(officer, "orders", false));
    }

    @Test
    void aHeldPersonsRowBelowAnExpiredOrderKeepsTheOrderWithEverythingBelowIt() throws Exception {
        contacts();
        var officer = officerBearer();
        hold(officer, Map.of("subjectKind", "email", "subject", "c7@example.test", "reason", "lawsuit"));
        var before = shop.snapshot();
        var real = approvedRealRun(officer);
        // order 10 (customer 11) has a contact row about the held person; orders 6, 46, 86, 126, 166 are customer 7's
        assertThat((Integer) JsonPath.read(real, "$.held")).isEqualTo(6);
        assertThat((Integer) JsonPath.read(real, "$.swept")).isEqualTo(94);
        var after = shop.snapshot();
        for (var kept : new String[] {"10", "6", "46", "86", "126", "166"}) {
            assertThat(after.get("orders")).containsKey(kept);
            assertThat(after.get("order_item")).containsKey(kept + "|1").containsKey(kept + "|2");
        }
        assertThat(after.get("orders")).doesNotContainKey("12");
        try (var c = shop.connect();
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT id FROM order_contact ORDER BY id")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getInt(1))
                    .as("the held person's row is kept, the other destroyed with its order")
                    .isEqualTo(1);
            assertThat(rs.next()).isFalse();
        }
        assertThat(before.get("orders")).hasSize(200);
    }

    @Test
    void aTableHeldWholeKeepsEveryRowAboveItsRows() throws Exception {
        var officer = officerBearer();
        hold(officer, Map.of("connector", connector, "table", "order_item", "reason", "tax audit"));
        var before = shop.snapshot();
        var real = approvedRealRun(officer);
        assertThat((Integer) JsonPath.read(real, "$.swept")).isZero();
        assertThat((Integer) JsonPath.read(real, "$.held")).isEqualTo(100);
        assertThat(shop.snapshot()).isEqualTo(before);
    }

    @Test
    void aHeldRowThatOnlyLinksToAnExpiredOrderIsNotChangedAndKeepsTheOrder() throws Exception {
        var officer = officerBearer();
        hold(officer, Map.of("connector", connector, "table", "invoice_note", "reason", "audit of notes"));
        var before = shop.snapshot();
        approvedRealRun(officer);
        var after = shop.snapshot();
        assertThat(after.get("invoice_note")).isEqualTo(before.get("invoice_note"));
        before.get("invoice_note")
                .values()
                .forEach(n -> assertThat(after.get("orders")).containsKey(n.get("order_id")));
    }
}
