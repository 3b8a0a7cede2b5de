package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.http.MediaType;

/** A webhook connector signs what it sends, and only a correctly signed, recent callback completes a run. */
class WebhookConnectorTest extends ConnectorTestSupport {

    static final String KEY = "k-" + UUID.randomUUID() + UUID.randomUUID();

    record Received(String body, boolean signed) {}

    HttpServer service;
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

    private void callback(String run, String body, long timestamp, String signature, int expected) throws Exception {
        mvc.perform(post("/connectors/callbacks/" + run)
                        .contentType(MediaType.APPLICATION_JSON)
                        .header(WebhookSignature.TIMESTAMP, String.valueOf(timestamp))
                        .header(WebhookSignature.SIGNATURE, signature)
                        .content(body))
                .andExpect(status().is(expected));
    }
}
