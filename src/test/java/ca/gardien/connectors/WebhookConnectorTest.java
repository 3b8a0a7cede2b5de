package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.content;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.webhook.WebhookSignature;
import ca.gardien.inventory.Inventory;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;

/** A webhook connector signs what it sends, and only a correctly signed, recent callback completes a run. */
class WebhookConnectorTest extends ConnectorTestSupport {

    static final String KEY = "k-" + UUID.randomUUID() + UUID.randomUUID();

    record Received(String body, boolean signed) {}

    @Autowired
    Inventory inventory;

    @Autowired
    Outbox outbox;

    HttpServer service;
    /** Runs in the service before it answers the order: a service that reports back at once. */
    volatile java.util.function.Consumer<String> beforeAnswer;

    final java.util.concurrent.atomic.AtomicReference<Throwable> hookFailure =
            new java.util.concurrent.atomic.AtomicReference<>();
    final List<Received> received = new CopyOnWriteArrayList<>();
    String connector;

    @BeforeEach
    void service() throws Exception {
        service = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        service.createContext("/gardien", exchange -> {
            var body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    body,
                    WebhookSignature.valid(
                            KEY,
                            headers.getFirst(WebhookSignature.TIMESTAMP),
                            headers.getFirst(WebhookSignature.SIGNATURE),
                            body,
                            Instant.now())));
            var hook = beforeAnswer;
            if (hook != null) {
                try {
                    hook.accept(body);
                } catch (Throwable t) {
                    hookFailure.set(t);
                }
            }
            exchange.sendResponseHeaders(202, -1);
            exchange.close();
        });
        service.start();
        connector = "hook-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @AfterEach
    void stop() {
        service.stop(0);
    }

    private String url() {
        return "http://127.0.0.1:" + service.getAddress().getPort() + "/gardien";
    }

    private void registerWebhook() throws Exception {
        mvc.perform(post("/api/v1/connectors")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"%s\",\"type\":\"webhook\",\"url\":\"%s\",\"password\":\"%s\"}"
                                .formatted(connector, url(), KEY)))
                .andExpect(status().isCreated());
    }

    @Test
    void aServiceThatReportsBeforeAnsweringTheOrderEndsTheRunAndTheDispatchRecordsNothingMore() throws Exception {
        registerWebhook();
        beforeAnswer = body -> {
            try {
                var run = RunStore.JSON.readTree(body).get("runId").asString();
                signedCallback(run, "{\"counts\":{\"accounts\":2}}", 204);
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        };
        var run = startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"a@example.test\"}}");

        awaitRun(run, "COMPLETED");
        Thread.sleep(300); // the dispatch's own transaction ends after the answer
        assertThat(hookFailure.get()).isNull();
        mvc.perform(get("/api/v1/connectors/runs/" + run).header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.counts.accounts").value(2));
    }

    @Test
    void sendsASignedOrderAndASignedCallbackCompletesTheRun() throws Exception {
        registerWebhook();
        mvc.perform(post("/api/v1/connectors/" + connector + "/test").header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.ok").value(true));
        var run = startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"a@example.test\"}}");
        awaitRun(run, "DISPATCHED");
        var order = await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> received.stream()
                                .filter(r -> r.body().contains(run))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        assertThat(order.signed()).isTrue();
        assertThat(order.body()).contains("\"action\":\"ERASE\"", "a@example.test", "/connectors/callbacks/" + run);
        assertThat(RunStore.JSON.readTree(order.body()).has("changes")).isFalse();

        var callback = "{\"counts\":{\"accounts\":1}}";
        long now = Instant.now().getEpochSecond();
        callback(run, callback, now, WebhookSignature.sign("wrong-key-wrong-key-wrong-key-wrong", now, callback), 401);
        long old = now - 3600;
        callback(run, callback, old, WebhookSignature.sign(KEY, old, callback), 401);
        callback(UUID.randomUUID().toString(), callback, now, WebhookSignature.sign(KEY, now, callback), 401);
        callback(run, callback, now, WebhookSignature.sign(KEY, now, callback), 204);
        awaitRun(run, "COMPLETED");
        awaitLedgerEntry("connectors.run.completed", run);
    }

    @Test
    void aRectifyOrderCarriesTheRequestedChangesAndARectifyWithoutChangesIsRefused() throws Exception {
        registerWebhook();
        mvc.perform(post("/api/v1/connectors/" + connector + "/runs")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"RECTIFY\",\"identities\":{\"email\":\"a@example.test\"}}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("changes")));
        mvc.perform(post("/api/v1/connectors/" + connector + "/runs")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"action\":\"RECTIFY\",\"identities\":{\"email\":\"a@example.test\"},"
                                + "\"changes\":[{\"table\":\"accounts\",\"column\":\" \",\"newValue\":\"x\"}]}"))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("changes[0].column")));

        var run = startRun(
                connector,
                "{\"action\":\"RECTIFY\",\"identities\":{\"email\":\"a@example.test\"},\"changes\":["
                        + "{\"table\":\"accounts\",\"column\":\"full_name\",\"newValue\":\"Alice Martin\"},"
                        + "{\"table\":\"contacts\",\"column\":\"phone\",\"newValue\":null}]}");
        awaitRun(run, "DISPATCHED");
        var order = RunStore.JSON.readTree(orderOf(run).body());
        assertThat(order.path("action").asString()).isEqualTo("RECTIFY");
        var changes = order.path("changes");
        assertThat(changes.size()).isEqualTo(2);
        assertThat(changes.get(0).path("table").asString()).isEqualTo("accounts");
        assertThat(changes.get(0).path("column").asString()).isEqualTo("full_name");
        assertThat(changes.get(0).path("newValue").asString()).isEqualTo("Alice Martin");
        assertThat(changes.get(1).path("table").asString()).isEqualTo("contacts");
        assertThat(changes.get(1).path("column").asString()).isEqualTo("phone");
        assertThat(changes.get(1).has("newValue")).isTrue();
        assertThat(changes.get(1).get("newValue").isNull()).isTrue();
        var entry = awaitLedgerEntry("connectors.run.dispatched", run);
        assertThat(entry.toString()).doesNotContain("Alice Martin", "a@example.test");
    }

    @Test
    void aSignedFailureCallbackFailsTheRunAtOnceWithItsReasonAndNoCompletionFollows() throws Exception {
        registerWebhook();
        var run = startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"a@example.test\"}}");
        awaitRun(run, "DISPATCHED");
        orderOf(run);

        signedCallback(run, "{\"failure\":\"  Account\\u0007 is under legal hold\\n \"}", 204);
        var status = mvc.perform(get("/api/v1/connectors/runs/" + run).header("Authorization", officerBearer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(
                        jsonPath("$.failure").value("le service a signalé un échec : « Account is under legal hold »"))
                .andExpect(jsonPath("$.attempts").value(0))
                .andReturn();
        assertThat(status.getResponse().getContentAsString()).doesNotContain("nextAttemptAt\":\"");
        var entry = awaitLedgerEntry("connectors.run.failed", run);
        assertThat(entry.toString()).contains("attempts").doesNotContain("legal hold", "a@example.test");

        signedCallback(run, "{\"counts\":{\"accounts\":1}}", 409);
        signedCallback(run, "{\"failure\":\"again\"}", 409);
        awaitRun(run, "FAILED");
    }

    @Test
    void aLongFailureReasonIsCutAt200Characters() throws Exception {
        registerWebhook();
        var run = startRun(connector, "{\"action\":\"EXPORT\",\"identities\":{\"email\":\"a@example.test\"}}");
        awaitRun(run, "DISPATCHED");
        signedCallback(run, "{\"failure\":\"" + "x".repeat(150) + "\\t" + "y".repeat(150) + "\"}", 204);
        mvc.perform(get("/api/v1/connectors/runs/" + run).header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.status").value("FAILED"))
                .andExpect(jsonPath("$.failure")
                        .value("le service a signalé un échec : « " + "x".repeat(150) + " " + "y".repeat(49) + " »"));
    }

    @Test
    void aMalformedSignedCallbackIsA400NamingTheFieldAndChangesNothing() throws Exception {
        registerWebhook();
        var run = startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"a@example.test\"}}");
        awaitRun(run, "DISPATCHED");

        malformed(run, "not json", "body");
        malformed(run, "[1,2]", "body");
        malformed(run, "{}", "counts");
        malformed(run, "{}", "failure");
        malformed(run, "{\"counts\":{\"accounts\":1},\"failure\":\"no\"}", "counts");
        malformed(run, "{\"counts\":{\"accounts\":1},\"failure\":\"no\"}", "failure");
        malformed(run, "{\"counts\":{\"accounts\":-1}}", "counts.accounts");
        malformed(run, "{\"counts\":{\"accounts\":\"two\"}}", "counts.accounts");
        malformed(run, "{\"counts\":[1]}", "counts");
        malformed(run, "{\"failure\":42}", "failure");
        malformed(run, "{\"failure\":\" \\u0000 \"}", "failure");
        // unsigned, a malformed body says nothing
        mvc.perform(post("/connectors/callbacks/" + run)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("not json"))
                .andExpect(status().isUnauthorized())
                .andExpect(content().string(""));

        mvc.perform(get("/api/v1/connectors/runs/" + run).header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.status").value("DISPATCHED"))
                .andExpect(jsonPath("$.failure").doesNotExist());
        signedCallback(run, "{\"counts\":{\"accounts\":1}}", 204);
        awaitRun(run, "COMPLETED");
    }

    @Test
    void aFailureCallbackOnACompletedRunIsAConflict() throws Exception {
        registerWebhook();
        var run = startRun(connector, "{\"action\":\"ERASE\",\"identities\":{\"email\":\"a@example.test\"}}");
        awaitRun(run, "DISPATCHED");
        signedCallback(run, "{\"counts\":{\"accounts\":1}}", 204);
        awaitRun(run, "COMPLETED");
        long now = Instant.now().getEpochSecond();
        var failure = "{\"failure\":\"too late\"}";
        mvc.perform(post("/connectors/callbacks/" + run)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSignature.TIMESTAMP, String.valueOf(now))
                        .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(KEY, now, failure))
                        .header("Accept-Language", "en")
                        .content(failure))
                .andExpect(problem(409, "conflict"))
                .andExpect(jsonPath("$.detail").value("Only a dispatched run is failed this way."));
        mvc.perform(get("/api/v1/connectors/runs/" + run).header("Authorization", officerBearer()))
                .andExpect(jsonPath("$.status").value("COMPLETED"))
                .andExpect(jsonPath("$.failure").doesNotExist());
    }

    @Test
    void aServicesFailureLeavesTheLinkedRequestTaskToStaffWithItsReason() throws Exception {
        registerWebhook(); // under the id of the data map system, so a request task starts a run on it
        inventory.apply(
                RequestTaskRunsTest.MAP.formatted(connector)
                        + "piCategories:\n  - {id: contact, name: {fr: Coordonnées, en: Contact}, sensitive: false}\n",
                Actor.SYSTEM);
        var staff = bearer(Role.STAFF);
        var created = mvc.perform(post("/api/v1/requests")
                        .header("Authorization", staff)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\": \"DESTRUCTION\", \"subject\": {\"email\": \"hook@example.test\"},"
                                + " \"jurisdiction\": \"QC\", \"channel\": \"API\", \"language\": \"fr\","
                                + " \"subjectCategory\": \"customer\"}"))
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var id = UUID.fromString(JsonPath.read(created, "$.id"));
        var message = outbox.about(id.toString()).stream()
                .filter(m -> m.template().equals("requests.code"))
                .toList()
                .getLast();
        var code = Pattern.compile("\\b(\\d{6})\\b").matcher(message.body());
        assertThat(code.find()).isTrue();
        mvc.perform(post("/requests/" + id + "/verify")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"kind\": \"EMAIL\", \"code\": \"" + code.group(1) + "\"}"))
                .andExpect(status().isOk());

        var order = await().atMost(Duration.ofSeconds(30))
                .until(
                        () -> received.stream()
                                .filter(r -> r.body().contains("hook@example.test"))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
        var run = RunStore.JSON.readTree(order.body()).path("runId").asString();
        awaitRun(run, "DISPATCHED");
        signedCallback(run, "{\"failure\":\"Customer has an open dispute\"}", 204);

        var task = await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(100))
                .until(
                        () -> {
                            var body = mvc.perform(get("/api/v1/requests/" + id + "/tasks")
                                            .header("Authorization", staff))
                                    .andReturn()
                                    .getResponse()
                                    .getContentAsString();
                            List<Map<String, Object>> tasks = JsonPath.read(body, "$");
                            return tasks.size() == 1 ? tasks.getFirst() : null;
                        },
                        t -> t != null && t.get("note") != null);
        assertThat(task.get("status")).isEqualTo("OPEN");
        assertThat((String) task.get("note")).contains(connector, "a échoué", "« Customer has an open dispute »", run);
    }

    @Test
    void aWebhookNeedsAUrlAndALongSharedKey() throws Exception {
        mvc.perform(post("/api/v1/connectors")
                        .header("Authorization", officerBearer())
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"id\":\"%s\",\"type\":\"webhook\",\"url\":\"ftp://x\",\"password\":\"short\"}"
                                .formatted(connector)))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem("url")))
                .andExpect(jsonPath("$.errors[*].field", hasItem("password")));
    }

    private Received orderOf(String run) {
        return await().atMost(Duration.ofSeconds(10))
                .until(
                        () -> received.stream()
                                .filter(r -> r.body().contains(run))
                                .findFirst(),
                        java.util.Optional::isPresent)
                .orElseThrow();
    }

    private void signedCallback(String run, String body, int expected) throws Exception {
        long now = Instant.now().getEpochSecond();
        callback(run, body, now, WebhookSignature.sign(KEY, now, body), expected);
    }

    private void malformed(String run, String body, String field) throws Exception {
        long now = Instant.now().getEpochSecond();
        mvc.perform(post("/connectors/callbacks/" + run)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSignature.TIMESTAMP, String.valueOf(now))
                        .header(WebhookSignature.SIGNATURE, WebhookSignature.sign(KEY, now, body))
                        .content(body))
                .andExpect(problem(400, "validation"))
                .andExpect(jsonPath("$.errors[*].field", hasItem(field)));
    }

    private void callback(String run, String body, long timestamp, String signature, int expected) throws Exception {
        mvc.perform(post("/connectors/callbacks/" + run)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
                        .header(WebhookSignature.SIGNATURE, signature)
                        .content(body))
                .andExpect(status().is(expected));
    }
}
