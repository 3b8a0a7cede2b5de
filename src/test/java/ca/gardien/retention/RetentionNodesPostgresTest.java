package ca.gardien.retention;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.support.GardienNodes;
import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import ca.gardien.support.WebTestSupport;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Two real Gardien processes on one PostgreSQL schema sweeping a shop in another PostgreSQL database: each rule's
 * scheduled dry run starts once across both nodes; a real run whose node is killed ({@code SIGKILL}) mid-sweep is
 * resumed by the other node from its checkpoint and ends in exactly the state and counts of an uninterrupted run, with
 * one completion fact.
 */
@ExtendWith(PostgresCondition.class)
class RetentionNodesPostgresTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @TempDir
    Path dir;

    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private String bearer;

    @Test
    void scheduledSweepsStartOnceAndAKilledNodesSweepIsFinishedByTheOtherExactly() throws Exception {
        var base = PostgresCondition.url();
        var suffix = UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var schema = "gardien_ret_" + suffix;
        var shopDb = "shop_ret_" + suffix;
        PostgresSchema.execute(base, "CREATE SCHEMA " + schema);
        PostgresSchema.execute(base, "CREATE DATABASE " + shopDb);
        var user = Pattern.compile("[?&]user=([^&]+)").matcher(base);
        var direct = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        var shop = new RetentionShop(base.replaceFirst("(jdbc:postgresql://[^/]+/)[^?]*", "$1" + shopDb));
        try {
            shop.create();
            shop.addOrders(201, 1000); // 500 expired orders in all, 1,000 items
            var settings = List.of(
                    "--gardien.retention.batch-size=10",
                    "--gardien.retention.pause=100ms",
                    "--gardien.retention.lease=3s",
                    "--gardien.retention.resume-every=500ms",
                    "--gardien.retention.check-every=300ms",
                    "--gardien.retention.sweep-every=1h",
                    "--gardien.retention.scheduled=true");
            try (var nodes = new GardienNodes(
                    dir, direct, user.find() ? user.group(1) : "postgres", schema, 2, true, settings)) {
                nodes.start(0);
                nodes.start(1);
                var deadline = Instant.now().plusSeconds(240);
                for (int n = 0; n < 2; n++) {
                    assertThat(nodes.awaitUp(n, deadline))
                            .as("node %d up:%n%s", n, nodes.tail(n))
                            .isTrue();
                }
                try {
                    run(nodes, shop, direct);
                } finally {
                    nodes.keepLogs(Path.of("target/retention-nodes-logs"));
                }
            }
        } finally {
            PostgresSchema.execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            PostgresSchema.execute(base, "DROP DATABASE IF EXISTS " + shopDb + " WITH (FORCE)");
        }
    }

    private void run(GardienNodes nodes, RetentionShop shop, String direct) throws Exception {
        int first = nodes.port(0);
        int second = nodes.port(1);
        bearer = token(first);
        var connector = "shop-" + UUID.randomUUID().toString().substring(0, 8);
        send(
                first,
                "POST",
                "/api/v1/connectors",
                "{\"id\":\"%s\",\"type\":\"jdbc\",\"url\":\"%s\"}".formatted(connector, shop.url()),
                201);
        annotate(first, RetentionShop.ANNOTATIONS.formatted(connector));
        var before = shop.snapshot();

        // both nodes look every 300 ms: the first period of each rule is claimed by one of them only
        Thread.sleep(4_000);
        try (var c = DriverManager.getConnection(direct);
                var s = c.createStatement();
                var rs = s.executeQuery("SELECT rule_id, COUNT(*) FROM retention_run WHERE dry_run"
                        + " AND requested_by = 'system:gardien' GROUP BY rule_id ORDER BY rule_id")) {
            var counts = new java.util.TreeMap<String, Integer>();
            while (rs.next()) counts.put(rs.getString(1), rs.getInt(2));
            assertThat(counts).containsEntry("dormant", 1).containsEntry("orders", 1);
        }
        var dry = awaitEnd(first, latest(first, "orders"));
        assertThat(dry.path("swept").asLong()).isEqualTo(500);
        assertThat(shop.snapshot()).as("scheduled dry runs change nothing").isEqualTo(before);
        send(first, "POST", "/api/v1/retention/runs/" + dry.path("id").asString() + "/approval", "", 200);

        var started = JSON.readTree(
                send(first, "POST", "/api/v1/retention/runs", "{\"rule\":\"orders\",\"dryRun\":false}", 202));
        var id = started.path("id").asString();
        var killAt = Instant.now().plusSeconds(30);
        long swept = 0;
        while (swept < 60 && Instant.now().isBefore(killAt)) {
            Thread.sleep(50);
            swept = get(first, "/api/v1/retention/runs/" + id)
                    .path("progress")
                    .path("done")
                    .asLong();
        }
        assertThat(swept).as("killed mid-sweep").isBetween(60L, 400L);
        nodes.kill(0); // SIGKILL: no shutdown hook, its open target batch and lease simply stop
        var done = awaitEnd(second, id);
        assertThat(done.path("status").asString()).as(done.toString()).isEqualTo("COMPLETED");
        assertThat(done.path("swept").asLong())
                .as("every row counted exactly once")
                .isEqualTo(500);
        assertThat(shop.snapshot().get("orders"))
                .isEqualTo(RetentionShop.without(before.get("orders"), o -> Integer.parseInt(o.get("id")) % 2 == 0));
        assertThat(shop.snapshot().get("order_item")).hasSize(1000);
        try (var c = DriverManager.getConnection(direct);
                var s = c.prepareStatement("SELECT COUNT(*) FROM ledger_entry WHERE action = ? AND object_id = ?")) {
            s.setString(1, "retention.run.completed");
            s.setString(2, id);
            var deadline = Instant.now().plusSeconds(20);
            long facts = 0;
            while (facts == 0 && Instant.now().isBefore(deadline)) {
                try (var rs = s.executeQuery()) {
                    rs.next();
                    facts = rs.getLong(1);
                }
                Thread.sleep(200);
            }
            assertThat(facts).isEqualTo(1);
        }
    }

    private String latest(int port, String rule) throws Exception {
        var deadline = Instant.now().plusSeconds(30);
        while (Instant.now().isBefore(deadline)) {
            var runs = JSON.readTree(send(port, "GET", "/api/v1/retention/runs?rule=" + rule, null, 200));
            if (!runs.isEmpty()) return runs.get(0).path("id").asString();
            Thread.sleep(200);
        }
        throw new AssertionError("no run of " + rule);
    }

    private JsonNode awaitEnd(int port, String id) throws Exception {
        var deadline = Instant.now().plusSeconds(120);
        JsonNode run = null;
        while (Instant.now().isBefore(deadline)) {
            run = get(port, "/api/v1/retention/runs/" + id);
            var status = run.path("status").asString();
            if (status.equals("COMPLETED") || status.equals("FAILED")) return run;
            Thread.sleep(200);
        }
        throw new AssertionError("run not ended: " + run);
    }

    private void annotate(int port, String yaml) throws Exception {
        var mapper = tools.jackson.dataformat.yaml.YAMLMapper.builder().build();
        var current = send(port, "GET", "/api/v1/inventory/export", null, 200);
        var map = (ObjectNode) mapper.readTree(current);
        var added = (ObjectNode) mapper.readTree(yaml);
        for (var section : new String[] {"piCategories", "retentionRules", "datasets"}) {
            var list = map.has(section) ? (ArrayNode) map.get(section) : map.putArray(section);
            for (JsonNode item : added.get(section)) {
                for (int i = list.size() - 1; i >= 0; i--) {
                    if (list.get(i).get("id").asString().equals(item.get("id").asString())) list.remove(i);
                }
                list.add(item);
            }
        }
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/inventory/apply"))
                .header("Authorization", bearer)
                .header("Content-Type", "application/yaml")
                .POST(HttpRequest.BodyPublishers.ofString(mapper.writeValueAsString(map)))
                .build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
    }

    private JsonNode get(int port, String path) throws Exception {
        return JSON.readTree(send(port, "GET", path, null, 200));
    }

    private String send(int port, String method, String path, String json, int expected) throws Exception {
        var request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path))
                .timeout(Duration.ofSeconds(20))
                .header("Authorization", bearer)
                .header("Content-Type", "application/json")
                .method(
                        method,
                        json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json))
                .build();
        var answer = http.send(request, HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode())
                .as(method + " " + path + ": " + answer.body())
                .isEqualTo(expected);
        return answer.body();
    }

    private String token(int port) throws Exception {
        var basic = Base64.getEncoder()
                .encodeToString((WebTestSupport.OFFICER + ":" + WebTestSupport.OFFICER_PASSWORD)
                        .getBytes(StandardCharsets.UTF_8));
        var answer = http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/api/v1/tokens"))
                        .header("Authorization", "Basic " + basic)
                        .header("Content-Type", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(
                                "{\"name\": \"retention\", \"roles\": [\"PRIVACY_OFFICER\"]}"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).as(answer.body()).isEqualTo(201);
        return "Bearer " + JSON.readTree(answer.body()).path("token").asString();
    }
}
