package ca.gardien.opencompliance;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.requests.StaffProofs;
import ca.gardien.shared.Actor;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The cross-module flow checked with the OpenCompliance module and its dependencies only: a request submitted through
 * OpenCompliance moves on in {@code requests} (the person's identity is proven, the request goes to work), and the
 * controller's callback URL receives the new status, signed with the processor's key. {@code ratelimits} is added by
 * hand: it implements {@code shared.RateLimits}, which {@code requests} uses without depending on the module. The
 * callback job runs every hour in tests, so the test sends what is owed itself.
 */
@ApplicationModuleTest(mode = ApplicationModuleTest.BootstrapMode.ALL_DEPENDENCIES, extraIncludes = "ratelimits")
class StatusCallbackScenarioTest {

    /** What the controller's callback endpoint received: the body and the two processor headers. */
    record Received(byte[] body, String signature, String domain) {}

    @Autowired
    OpenComplianceProcessor processor;

    @Autowired
    Submissions submissions;

    @Autowired
    Callbacks callbacks;

    @Autowired
    CallbackSender sender;

    @Autowired
    ProcessorKey key;

    @Autowired
    StaffProofs proofs;

    final List<Received> received = new CopyOnWriteArrayList<>();
    HttpServer controller;
    String callbackUrl;

    @BeforeEach
    void startTheControllersCallbackEndpoint() throws Exception {
        controller = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        controller.createContext("/callbacks", exchange -> {
            var headers = exchange.getRequestHeaders();
            received.add(new Received(
                    exchange.getRequestBody().readAllBytes(),
                    headers.getFirst(SignedResponses.SIGNATURE),
                    headers.getFirst(SignedResponses.DOMAIN)));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        controller.start();
        callbackUrl = "http://127.0.0.1:" + controller.getAddress().getPort() + "/callbacks";
    }

    @AfterEach
    void stopTheControllersCallbackEndpoint() {
        controller.stop(0);
    }

    @Test
    void aStatusChangeInRequestsIsCalledBackSignedToTheSubmittersUrl(Scenario scenario) throws Exception {
        var subjectRequestId = UUID.randomUUID();
        var body = """
                {"regulation": "gdpr", "subject_request_id": "%s", "subject_request_type": "access",
                 "submitted_time": "2026-11-02T15:00:00Z", "api_version": "1.0", "status_callback_urls": ["%s"],
                 "subject_identities": [{"identity_type": "email", "identity_value": "oc-scenario@example.test",
                                         "identity_format": "raw"}]}""".formatted(subjectRequestId, callbackUrl);
        processor.submit(
                body.getBytes(StandardCharsets.UTF_8),
                "controller-scenario",
                new Actor(Actor.Kind.TOKEN, "controller-scenario"));
        var requestId = submissions
                .find(subjectRequestId, "controller-scenario")
                .orElseThrow()
                .requestId();
        assertThat(callbacks.due(Instant.now(), 100))
                .as("nothing owed while pending")
                .isEmpty();

        scenario.stimulate(() -> proofs.provePerson(
                        requestId, "IN_PERSON_ID_CHECK", "identity documents checked at the counter", Actor.SYSTEM))
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> callbacks.due(Instant.now(), 100))
                .andVerify(owed -> {
                    assertThat(owed).as("pending → pending is not called back").hasSize(1);
                    assertThat(sender.deliverDue(Instant.now())).isEqualTo(1);
                    assertThat(received).singleElement().satisfies(callback -> {
                        var json = new String(callback.body(), StandardCharsets.UTF_8);
                        assertThat((String) JsonPath.read(json, "$.request_status"))
                                .isEqualTo("in_progress");
                        assertThat((String) JsonPath.read(json, "$.subject_request_id"))
                                .isEqualTo(subjectRequestId.toString());
                        assertThat((String) JsonPath.read(json, "$.controller_id"))
                                .isEqualTo("controller-scenario");
                        assertThat((String) JsonPath.read(json, "$.status_callback_url"))
                                .isEqualTo(callbackUrl);
                        assertThat(callback.domain()).isEqualTo("localhost");
                        assertThat(signedByTheProcessor(callback.body(), callback.signature()))
                                .isTrue();
                        assertThat(signedByTheProcessor("{}".getBytes(StandardCharsets.UTF_8), callback.signature()))
                                .isFalse();
                    });
                    assertThat(callbacks.due(Instant.now().plus(Duration.ofDays(1)), 100))
                            .as("delivered once")
                            .isEmpty();
                });
    }

    /** Checks the signature against the public key of the processor's certificate, as a controller would. */
    private boolean signedByTheProcessor(byte[] body, String signature) {
        try {
            var verifier = Signature.getInstance(ProcessorKey.ALGORITHM);
            verifier.initVerify(key.certificate().getPublicKey());
            verifier.update(body);
            return verifier.verify(Base64.getDecoder().decode(signature));
        } catch (java.security.GeneralSecurityException e) {
            throw new AssertionError(e);
        }
    }
}
