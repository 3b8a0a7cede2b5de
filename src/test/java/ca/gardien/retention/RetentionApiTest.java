package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.organization.Role;
import com.jayway.jsonpath.JsonPath;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/**
 * The retention API as a caller sees it: bad input named field by field in the caller's language, roles, approval
 * again after a jump in the dry-run count, a rule whose tables changed needing a new approval, holds validated.
 */
class RetentionApiTest extends PlantedShop {

    private String send(String bearer, String path, String json, int expected) throws Exception {
        return call(
                post(path)
                        .header("Authorization", bearer)
                        .header("Accept-Language", "en")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(json),
                expected);
    }

    @Test
    void aRunWithoutARuleOrWithAnUnknownOneIsRefusedNamingTheField() throws Exception {
        var officer = officerBearer();
        var missing = send(officer, "/api/v1/retention/runs", "{\"dryRun\":true}", 400);
        assertThat((List<String>) JsonPath.read(missing, "$.errors[*].field")).containsExactly("rule");
        assertThat(missing).contains("Choose a retention rule of the data map.");
        send(officer, "/api/v1/retention/runs", "{\"rule\":\"" + "x".repeat(101) + "\"}", 400);
        send(officer, "/api/v1/retention/runs", "{\"rule\":\"no-such-rule\"}", 404);
        send(officer, "/api/v1/retention/runs", "not json", 400);
        call(get("/api/v1/retention/runs/" + UUID.randomUUID()).header("Authorization", officer), 404);
        call(post("/api/v1/retention/runs/" + UUID.randomUUID() + "/approval").header("Authorization", officer), 404);
    }

    @Test
    void onlyTheOfficerAndDelegatesRunApproveAndHoldAuditorsRead() throws Exception {
        var auditor = bearer(Role.AUDITOR);
        var staff = bearer(Role.STAFF);
        send(auditor, "/api/v1/retention/runs", "{\"rule\":\"orders\"}", 403);
        send(staff, "/api/v1/retention/runs", "{\"rule\":\"orders\"}", 403);
        send(auditor, "/api/v1/retention/holds", "{\"connector\":\"" + connector + "\",\"reason\":\"x\"}", 403);
        call(get("/api/v1/retention/rules").header("Authorization", auditor), 200);
        call(get("/api/v1/retention/rules").header("Authorization", staff), 403);
        call(get("/api/v1/retention/holds").header("Authorization", staff), 403);
        var delegate = bearer(Role.DELEGATE);
        var dry = awaitRun(delegate, startRun(delegate, "orders", true));
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", auditor),
                403);
        call(
                get("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/certificate")
                        .header("Authorization", auditor),
                409);
    }

    @Test
    void aDryRunFindingFarMoreRowsThanApprovedMakesRealRunsWaitForApprovalAgain() throws Exception {
        var officer = officerBearer();
        var first = awaitRun(officer, startRun(officer, "orders", true));
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(first, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        shop.addOrders(201, 600); // 200 more expired orders: 300 against 100 approved, over twice as many
        var direct = send(officer, "/api/v1/retention/runs", "{\"rule\":\"orders\",\"dryRun\":false}", 409);
        assertThat(direct)
                .as("a real run without a dry run is held to the same bound")
                .contains("300");
        var second = awaitRun(officer, startRun(officer, "orders", true));
        assertThat((Integer) JsonPath.read(second, "$.swept")).isEqualTo(300);
        var refused = send(officer, "/api/v1/retention/runs", "{\"rule\":\"orders\",\"dryRun\":false}", 409);
        assertThat(refused).contains("300").contains("100");
        var rules = call(get("/api/v1/retention/rules").header("Authorization", officer), 200);
        assertThat((List<Boolean>) JsonPath.read(rules, "$[?(@.id == 'orders')].awaitingApproval"))
                .containsExactly(true);
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(first, "$.id") + "/approval")
                        .header("Authorization", officer),
                409); // not the latest any more
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(second, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        var real = awaitRun(officer, startRun(officer, "orders", false));
        assertThat((Integer) JsonPath.read(real, "$.swept")).isEqualTo(300);
    }

    @Test
    void aDryRunIsApprovedOnceItsFirstApproverStaysAndParallelApprovalsRecordOneFact() throws Exception {
        var officer = officerBearer();
        var delegate = bearer(Role.DELEGATE);
        String id = JsonPath.read(awaitRun(officer, startRun(officer, "orders", true)), "$.id");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(3);
        try {
            var statuses = pool
                    .invokeAll(List.<java.util.concurrent.Callable<Integer>>of(
                            () -> status(post("/api/v1/retention/runs/" + id + "/approval")
                                    .header("Authorization", delegate)),
                            () -> status(post("/api/v1/retention/runs/" + id + "/approval")
                                    .header("Authorization", delegate)),
                            () -> status(post("/api/v1/retention/runs/" + id + "/approval")
                                    .header("Authorization", delegate))))
                    .stream()
                    .map(f -> {
                        try {
                            return f.get();
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    })
                    .toList();
            assertThat(statuses).containsExactlyInAnyOrder(200, 409, 409);
        } finally {
            pool.shutdown();
        }
        var approvedBy = runs.queryForObject(
                "SELECT approved_by FROM retention_run WHERE id = ?", String.class, UUID.fromString(id));
        var again = send(officer, "/api/v1/retention/runs/" + id + "/approval", "{}", 409);
        assertThat(again).contains("This dry run is already approved.");
        assertThat(runs.queryForObject(
                        "SELECT approved_by FROM retention_run WHERE id = ?", String.class, UUID.fromString(id)))
                .isEqualTo(approvedBy);
        org.awaitility.Awaitility.await()
                .during(java.time.Duration.ofMillis(500))
                .atMost(java.time.Duration.ofSeconds(10))
                .until(() -> runs.queryForObject(
                                "SELECT COUNT(*) FROM ledger_entry WHERE action = 'retention.dry-run.approved'"
                                        + " AND object_id = ?",
                                Long.class,
                                id)
                        == 1);
    }

    private int status(org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder request)
            throws Exception {
        return mvc.perform(request).andReturn().getResponse().getStatus();
    }

    @Test
    void aRuleWhoseTablesChangedNeedsANewApproval() throws Exception {
        var officer = officerBearer();
        var dry = awaitRun(officer, startRun(officer, "orders", true));
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        annotate(RetentionShop.ANNOTATIONS
                .formatted(connector)
                .replace("triggerColumn: closed_at", "triggerColumn: CLOSED_AT"));
        var refused = send(officer, "/api/v1/retention/runs", "{\"rule\":\"orders\",\"dryRun\":false}", 409);
        assertThat(refused).contains("approve a dry run");
    }

    @Test
    void aHoldIsRefusedFieldByFieldWithoutAScopeAReasonOrWithAPastEnd() throws Exception {
        var officer = officerBearer();
        var none = send(officer, "/api/v1/retention/holds", "{}", 400);
        assertThat((List<String>) JsonPath.read(none, "$.errors[*].field")).contains("connector", "reason");
        var kindless =
                send(officer, "/api/v1/retention/holds", "{\"subject\":\"a@example.test\",\"reason\":\"r\"}", 400);
        assertThat((List<String>) JsonPath.read(kindless, "$.errors[*].field")).containsExactly("subjectKind");
        var badKind = send(
                officer,
                "/api/v1/retention/holds",
                "{\"subjectKind\":\"shoeSize\",\"subject\":\"42\",\"reason\":\"r\"}",
                400);
        assertThat((List<String>) JsonPath.read(badKind, "$.errors[*].field")).containsExactly("subjectKind");
        var notAnEmail = send(
                officer,
                "/api/v1/retention/holds",
                "{\"subjectKind\":\"email\",\"subject\":\"not an email\",\"reason\":\"r\"}",
                400);
        assertThat((List<String>) JsonPath.read(notAnEmail, "$.errors[*].field"))
                .containsExactly("subject");
        var past = send(
                officer,
                "/api/v1/retention/holds",
                "{\"connector\":\"%s\",\"reason\":\"r\",\"endsOn\":\"2001-01-01\"}".formatted(connector),
                400);
        assertThat((List<String>) JsonPath.read(past, "$.errors[*].field")).containsExactly("endsOn");
        // what the holds list shows as typed: a reversing mark, a zero-width space, DEL and a C1 control are refused
        // and a reason of no-break or Braille blanks is no reason (it passed as one)
        for (var hidden : List.of("r\\u202eevil", "r\\u200b", "r\\u007f", "r\\u0085", "\\u00a0\\u00a0", "\\u2800")) {
            var refused = send(
                    officer,
                    "/api/v1/retention/holds",
                    "{\"connector\":\"%s\",\"reason\":\"%s\"}".formatted(connector, hidden),
                    400);
            assertThat((List<String>) JsonPath.read(refused, "$.errors[*].field"))
                    .containsExactly("reason");
        }
        var noTable = send(
                officer,
                "/api/v1/retention/holds",
                "{\"connector\":\"%s\",\"table\":\"commandes_xyz\",\"reason\":\"r\"}".formatted(connector),
                400);
        assertThat((List<String>) JsonPath.read(noTable, "$.errors[*].field")).containsExactly("table");
        var unknown = send(officer, "/api/v1/retention/holds", "{\"connector\":\"nope\",\"reason\":\"r\"}", 400);
        assertThat((List<String>) JsonPath.read(unknown, "$.errors[*].field")).containsExactly("connector");
        var huge = send(
                officer,
                "/api/v1/retention/holds",
                "{\"connector\":\"%s\",\"reason\":\"%s\"}".formatted(connector, "r".repeat(2001)),
                400);
        assertThat((List<String>) JsonPath.read(huge, "$.errors[*].field")).containsExactly("reason");
    }

    @Test
    void aTableHoldKeepsEveryExpiredRowAndTheHoldsListNeverShowsTheIdentifier() throws Exception {
        var officer = officerBearer();
        hold(officer, Map.of("connector", connector, "table", "orders", "reason", "tax audit"));
        hold(officer, Map.of("subjectKind", "email", "subject", "secret-person@example.test", "reason", "lawsuit"));
        var before = shop.snapshot();
        var dry = awaitRun(officer, startRun(officer, "orders", true));
        assertThat((Integer) JsonPath.read(dry, "$.swept")).isZero();
        assertThat((Integer) JsonPath.read(dry, "$.held")).isEqualTo(100);
        call(
                post("/api/v1/retention/runs/" + JsonPath.read(dry, "$.id") + "/approval")
                        .header("Authorization", officer),
                200);
        awaitRun(officer, startRun(officer, "orders", false));
        assertThat(shop.snapshot()).isEqualTo(before);
        var holds = call(get("/api/v1/retention/holds").header("Authorization", officer), 200);
        assertThat(holds).doesNotContain("secret-person").contains("\"subjectKind\":\"email\"");
        assertThat(String.valueOf(ledgerEntries(officer))).doesNotContain("secret-person");
    }

    @Test
    void aTableWhoseKeyCannotBeResumedFromOrWhoseLinkCannotBeNulledIsRefusedBeforeAnythingRuns() throws Exception {
        try (var c = shop.connect();
                var s = c.createStatement()) {
            s.execute("CREATE TABLE gauge (v DOUBLE PRECISION NOT NULL PRIMARY KEY, at TIMESTAMP NOT NULL)");
            s.execute("INSERT INTO gauge VALUES (0.1, TIMESTAMP '2001-01-01 00:00:00')");
        }
        var orders = "      - name: orders\n        retention: orders\n";
        assertThat(RetentionShop.ANNOTATIONS).contains(orders);
        annotate(RetentionShop.ANNOTATIONS
                .formatted(connector)
                .replace(
                        orders,
                        "      - name: gauge\n        retention: orders\n        triggerColumn: at\n" + orders));
        var refused = send(officerBearer(), "/api/v1/retention/runs", "{\"rule\":\"orders\"}", 409);
        assertThat(refused).contains("/gauge").contains("cannot be swept");
    }

    @Test
    void aPausedRunCannotBePausedAgainAndAFinishedOneCannotBeResumed() throws Exception {
        var officer = officerBearer();
        var dry = awaitRun(officer, startRun(officer, "orders", true));
        var id = JsonPath.read(dry, "$.id");
        call(post("/api/v1/retention/runs/" + id + "/pause").header("Authorization", officer), 409);
        call(post("/api/v1/retention/runs/" + id + "/resume").header("Authorization", officer), 409);
    }
}
