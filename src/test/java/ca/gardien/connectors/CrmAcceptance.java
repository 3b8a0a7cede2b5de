package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.runs.RunWorker;
import com.jayway.jsonpath.JsonPath;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/**
 * The acceptance scenario on one kind of database: export finds exactly the planted rows, erasure leaves nothing about
 * the person and changes nothing about anyone else, rectification changes exactly the targeted fields.
 */
abstract class CrmAcceptance extends ConnectorTestSupport {

    CrmDatabase crm;
    String connector;

    /** A fresh, empty database (or schema) for one test. */
    abstract CrmDatabase freshDatabase() throws Exception;

    abstract void dropDatabase() throws Exception;

    @BeforeEach
    void crm() throws Exception {
        crm = freshDatabase();
        crm.create();
        crm.plant();
        connector = "crm-" + UUID.randomUUID().toString().substring(0, 8);
        register(connector, crm.url(), crm.user(), crm.password());
        annotate(CrmDatabase.ANNOTATIONS.formatted(connector));
    }

    @Autowired
    ConnectorCatalog catalog;

    @Autowired
    ConnectorRuns runs;

    @Autowired
    RunWorker worker;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    @Autowired
    org.springframework.jdbc.core.JdbcTemplate gardienDb;

    @AfterEach
    void drop() throws Exception {
        catalog.evict(connector); // the suite shares one context: release the pool before the database goes
        dropDatabase();
    }

    @Test
    void exportFindsExactlyThePlantedRowsIncludingTwoHopsAway() throws Exception {
        assertThat(exportAlice()).isEqualTo(new TreeMap<>(CrmDatabase.ALICE_ROWS)); // completeness and precision 1.0
    }

    @Test
    void exportFindsAddressesStoredInOtherLetterCasesInIdentityAndUndeclaredReference() throws Exception {
        storeAliceInOtherLetterCases();
        assertThat(exportAlice()).isEqualTo(new TreeMap<>(CrmDatabase.ALICE_ROWS));
    }

    @Test
    void erasureRemovesRowsWhoseAddressDiffersOnlyInLetterCase() throws Exception {
        storeAliceInOtherLetterCases();
        var before = crm.snapshot();
        var run =
                startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(run, "COMPLETED");
        var after = crm.snapshot();
        assertThat(after.get("support_ticket").get("70").get("customer_email")).matches("kh:[0-9a-f]{64}");
        after.get("support_ticket").get("70").put("customer_email", "kh:");
        assertThat(after).isEqualTo(expectedAfterErasure(before));
        assertThat(after.toString().toLowerCase()).doesNotContain(CrmDatabase.ALICE);
    }

    @Test
    void columnsAnnotatedCaseSensitiveMatchOnlyTheSameLetterCase() throws Exception {
        storeAliceInOtherLetterCases();
        var annotations = CrmDatabase.ANNOTATIONS.formatted(connector);
        var reference = "references: customer.email, caseSensitive: true,";
        annotate(annotations.replace("references: customer.email,", reference));
        var withoutTicket = new TreeMap<>(CrmDatabase.ALICE_ROWS);
        withoutTicket.remove("support_ticket");
        withoutTicket.remove("ticket_message");
        assertThat(exportAlice()).isEqualTo(withoutTicket);

        annotate(annotations.replace("identity: email, origin", "identity: email, caseSensitive: true, origin"));
        assertThat(exportAlice()).isEmpty();
    }

    /** Alice's address as customer 1 holds it and as her ticket refers to it, each in other letter cases. */
    private void storeAliceInOtherLetterCases() throws Exception {
        try (var c = crm.connect();
                var s = c.createStatement()) {
            s.execute("UPDATE customer SET email = 'Alice@Example.TEST' WHERE id = 1");
            s.execute("UPDATE support_ticket SET customer_email = 'ALICE@example.test' WHERE id = 70");
        }
    }

    /** The rows an export for Alice's address finds, as table → sorted primary-key text. */
    private Map<String, List<String>> exportAlice() throws Exception {
        var run =
                startRun(connector, "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(run, "COMPLETED");
        var body = mvc.perform(
                        get("/api/v1/connectors/runs/" + run + "/package").header("Authorization", officerBearer()))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString(java.nio.charset.StandardCharsets.UTF_8);
        var exported = new TreeMap<String, List<String>>();
        for (JsonNode record : RunStore.JSON.readTree(body).get("records")) {
            var table = record.get("table").asString().toLowerCase();
            var row = new HashMap<String, String>();
            record.get("row")
                    .properties()
                    .forEach(e -> row.put(e.getKey().toLowerCase(), e.getValue().asString()));
            exported.computeIfAbsent(table, t -> new ArrayList<>())
                    .add(String.join(
                            "|",
                            CrmDatabase.keyColumns(table).stream().map(row::get).toList()));
        }
        exported.values().forEach(java.util.Collections::sort);
        return exported;
    }

    @Test
    void erasureLeavesNothingAboutThePersonAndChangesNoOneElse() throws Exception {
        var before = crm.snapshot();
        var run =
                startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        awaitRun(run, "COMPLETED");
        var after = crm.snapshot();

        var pseudonym = after.get("support_ticket").get("70").get("customer_email");
        assertThat(pseudonym).matches("kh:[0-9a-f]{64}"); // hashed once, not twice
        after.get("support_ticket").get("70").put("customer_email", "kh:");
        var expected = expectedAfterErasure(before);
        assertThat(after).isEqualTo(expected);
        var text = after.toString();
        for (var value :
                List.of(CrmDatabase.ALICE, "Alice", "alice.work", "+15145550101", "1 rue A", "C-0001", "Colis")) {
            assertThat(text).as("no value about the person remains").doesNotContain(value);
        }
    }

    @Test
    void anErasureWhoseRecordingRollsBackChangesNothingAndLeavesNoRun() throws Exception {
        var before = crm.snapshot();
        var runs = new java.util.concurrent.atomic.AtomicReference<UUID>();
        transactions.executeWithoutResult(tx -> {
            // the walk begins before this transaction ends; it must not act unless the run is committed
            runs.set(this.runs
                    .start(
                            connector,
                            new RunRequest(RunAction.ERASE, Map.of("email", CrmDatabase.ALICE), null),
                            ca.gardien.shared.Actor.SYSTEM)
                    .id());
            tx.setRollbackOnly();
        });
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(10))
                .until(worker::idle);
        assertThat(crm.snapshot()).isEqualTo(before);
        assertThat(gardienDb.queryForObject(
                        "SELECT COUNT(*) FROM connectors_run WHERE id = ?",
                        Long.class,
                        runs.get().toString()))
                .isZero();
        assertThat(gardienDb.queryForObject(
                        "SELECT COUNT(*) FROM connectors_run_key WHERE run_id = ?",
                        Long.class,
                        runs.get().toString()))
                .isZero();
    }

    @Test
    void rectificationChangesExactlyTheTargetedFields() throws Exception {
        var before = crm.snapshot();
        var run = startRun(connector, """
                {"action":"RECTIFY","identities":{"customerNumber":"C-0001"},
                 "changes":[{"table":"customer","column":"full_name","newValue":"Alice Tremblay-Roy"},
                            {"table":"address","column":"city","newValue":"Sherbrooke"}]}""");
        awaitRun(run, "COMPLETED");
        var after = crm.snapshot();
        var expected = copy(before);
        expected.get("customer").get("1").put("full_name", "Alice Tremblay-Roy");
        expected.get("address").get("1|1").put("city", "Sherbrooke");
        expected.get("address").get("1|2").put("city", "Sherbrooke");
        assertThat(after).isEqualTo(expected);
        var collected = awaitLedgerEntry("connectors.run.collected", run).toString();
        var completed = awaitLedgerEntry("connectors.run.completed", run).toString();
        assertThat(collected).containsPattern("old\\.[A-Za-z_]+\\.(?i:full_name)\":\"[0-9a-f]{64}");
        assertThat(completed).containsPattern("new\\.[A-Za-z_]+\\.(?i:city)\":\"[0-9a-f]{64}");
        assertThat(collected + completed).doesNotContain("Alice", "Sherbrooke", "Québec");
    }

    @Test
    void rectificationGivesEachTableItsOwnValueForColumnsOfTheSameName() throws Exception {
        var before = crm.snapshot();
        var run = startRun(connector, """
                {"action":"RECTIFY","identities":{"customerNumber":"C-0001"},
                 "changes":[{"table":"support_ticket","column":"body","newValue":"Mon colis au 9 rue Z"},
                            {"table":"ticket_message","column":"body","newValue":"Bonjour"}]}""");
        awaitRun(run, "COMPLETED");
        var expected = copy(before);
        expected.get("support_ticket").get("70").put("body", "Mon colis au 9 rue Z");
        expected.get("ticket_message").get("80").put("body", "Bonjour");
        expected.get("ticket_message").get("81").put("body", "Bonjour");
        assertThat(crm.snapshot()).isEqualTo(expected);
    }

    @Test
    void planShowsTablesCountsAndErasureOrder() throws Exception {
        var body = postJson(
                "/api/v1/connectors/" + connector + "/plan",
                "{\"action\":\"ERASE\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        List<String> kinds = JsonPath.read(body, "$.steps[*].kind");
        List<String> tables = JsonPath.read(body, "$.steps[*].table");
        var deletes = new ArrayList<String>();
        for (int i = 0; i < kinds.size(); i++)
            if (kinds.get(i).equals("DELETE")) deletes.add(tables.get(i).toLowerCase());
        assertThat(deletes.indexOf("order_line")).isLessThan(deletes.indexOf("orders"));
        assertThat(deletes.indexOf("orders")).isLessThan(deletes.indexOf("customer"));
        assertThat(deletes.indexOf("address")).isLessThan(deletes.indexOf("customer"));
        assertThat(kinds).contains("LINK", "ANONYMIZE", "BREAK_CYCLE");
        assertThat(kinds.indexOf("LINK")).isLessThan(kinds.indexOf("DELETE"));
        List<Integer> orderLines = JsonPath.read(body, "$.tables[?(@.table =~ /(?i)order_line/)].rows");
        assertThat(orderLines).containsExactly(3);
        List<String> warnings = JsonPath.read(body, "$.warnings");
        assertThat(warnings).anyMatch(w -> w.toLowerCase().contains("support_ticket(customer_email) for walking"));
    }

    @Test
    void planNamesTheIndexThatWouldServeCaseInsensitiveLookups() throws Exception {
        String product;
        try (var c = crm.connect()) {
            product = c.getMetaData().getDatabaseProductName().toLowerCase();
        }
        if (product.contains("mariadb")) { // its default collation ignores case: the plain index on email serves
            assertThat(planWarnings()).noneMatch(w -> w.contains(" on customer(email) for"));
            assertThat(planWarnings())
                    .anyMatch(w -> w.startsWith("no index on support_ticket(customer_email)")
                            && w.contains("its collation ignores letter case"));
            return;
        }
        assertThat(planWarnings())
                .anyMatch(w -> w.startsWith("no index supports the case-insensitive lookup on customer(email)")
                        && w.endsWith("create index on customer (lower(email)) would serve it"));
        if (product.contains("postgres")) {
            try (var c = crm.connect();
                    var s = c.createStatement()) {
                s.execute("CREATE INDEX customer_email_lower ON customer (lower(email))");
            }
            catalog.schema(connector, true);
            assertThat(planWarnings()).noneMatch(w -> w.contains(" on customer(email) for"));
        }
    }

    private List<String> planWarnings() throws Exception {
        var body = postJson(
                "/api/v1/connectors/" + connector + "/plan",
                "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"" + CrmDatabase.ALICE + "\"}}");
        List<String> warnings = JsonPath.read(body, "$.warnings");
        return warnings.stream().map(String::toLowerCase).toList();
    }

    /** Alice's rows gone or anonymized; Carol's link to Alice nulled; everything else identical. */
    static Map<String, Map<String, Map<String, String>>> expectedAfterErasure(
            Map<String, Map<String, Map<String, String>>> before) {
        var expected = copy(before);
        CrmDatabase.ALICE_ROWS.forEach((table, keys) -> {
            if (!table.equals("support_ticket") && !table.equals("ticket_message")) {
                keys.forEach(k -> expected.get(table).remove(k));
            }
        });
        expected.get("customer").get("3").put("referred_by", null);
        var ticket = expected.get("support_ticket").get("70");
        ticket.put("subject", "***");
        ticket.put("body", "***");
        ticket.put("customer_email", "kh:");
        expected.get("ticket_message").get("80").put("body", "***");
        expected.get("ticket_message").get("81").put("body", "***");
        return expected;
    }

    static Map<String, Map<String, Map<String, String>>> copy(Map<String, Map<String, Map<String, String>>> snapshot) {
        var copy = new TreeMap<String, Map<String, Map<String, String>>>();
        snapshot.forEach((t, rows) -> {
            var r = new TreeMap<String, Map<String, String>>();
            rows.forEach((k, row) -> r.put(k, new java.util.LinkedHashMap<>(row)));
            copy.put(t, r);
        });
        return copy;
    }
}
