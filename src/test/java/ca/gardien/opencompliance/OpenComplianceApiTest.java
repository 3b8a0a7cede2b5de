package ca.gardien.opencompliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.header;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.Requests;
import ca.gardien.shared.IdentifierKind;
import ca.gardien.support.WebTestSupport;
import com.jayway.jsonpath.JsonPath;
import com.sun.net.httpserver.HttpServer;
import java.io.ByteArrayInputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.Signature;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.mock.web.MockHttpServletResponse;

class OpenComplianceApiTest extends WebTestSupport {

    /** Section 7.2 of the specification, verbatim (its trailing comma included). */
    static final String SPEC_EXAMPLE = """
            {
              "subject_request_id": "a7551968-d5d6-44b2-9831-815ac9017798",
              "subject_request_type": "erasure",
              "submitted_time": "2018-10-02T15:00:00Z",
              "subject_identities": [
                {
                  "identity_type": "email",
                  "identity_value": "johndoe@example.com",
                  "identity_format": "raw"
                }
              ],
              "api_version": "1.0",
              "status_callback_urls": [
                "https://examplecontroller.com/OpenCompliance_callbacks"
              ],
              "extensions": {
                "example-processor.com": {
                  "foo-processor-custom-id":123456,
                  "property_id": "123456",
                },
                "example-other-processor.com": {
                  "foo-other-processor-custom-id":654321
                }
              }
            }""";

    private static final String SUBMIT = "/opencompliance/v1/opencompliance_requests";

    @Autowired
    Requests requests;

    @Autowired
    CallbackSender sender;

    @Test
    void discoveryIsPublicSignedAndPointsToTheCertificate() throws Exception {
        var response = mvc.perform(get("/opencompliance/v1/discovery"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.api_version").value("1.0"))
                .andExpect(jsonPath("$.supported_identities[0].identity_type").value("email"))
                .andExpect(jsonPath("$.supported_identities[0].identity_format").value("raw"))
                .andExpect(jsonPath("$.supported_subject_request_types").isArray())
                .andExpect(header().string(SignedResponses.DOMAIN, "localhost"))
                .andReturn()
                .getResponse();
        String certUrl = JsonPath.read(response.getContentAsString(), "$.processor_certificate");
        assertThat(certUrl).endsWith("/opencompliance/v1/certificate.pem");
        assertThat(signedByProcessor(response)).isTrue();
        mvc.perform(get("/opengdpr/v1/discovery")).andExpect(status().isOk());
    }

    @Test
    void acceptsTheSpecificationsExampleRequestAndAnswersWithASignedReceipt() throws Exception {
        var controller = person(Role.DELEGATE);
        var response = submit(
                        "/opencompliance/v1/opencompliance_requests",
                        SPEC_EXAMPLE,
                        bearerFor(controller.id(), Role.DELEGATE))
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.subject_request_id").value("a7551968-d5d6-44b2-9831-815ac9017798"))
                .andExpect(jsonPath("$.controller_id").isString())
                .andExpect(jsonPath("$.received_time").isString())
                .andExpect(jsonPath("$.expected_completion_time").isString())
                .andReturn()
                .getResponse();
        var body = response.getContentAsString();
        assertThat(signedByProcessor(response)).isTrue();
        String encoded = JsonPath.read(body, "$.encoded_request");
        assertThat(new String(Base64.getDecoder().decode(encoded), StandardCharsets.UTF_8))
                .isEqualTo(SPEC_EXAMPLE);
        String receipt = JsonPath.read(body, "$.processor_signature");
        assertThat(verifies(SPEC_EXAMPLE.getBytes(StandardCharsets.UTF_8), receipt))
                .isTrue();
        // GDPR by default (the example names no regulation); erasure is a GDPR right; one month
        assertThat(Instant.parse(JsonPath.read(body, "$.expected_completion_time")))
                .isAfter(Instant.parse(JsonPath.read(body, "$.received_time")).plus(Duration.ofDays(27)));

        // another token of the same controller (account) reads it
        mvc.perform(get("/opencompliance/v1/opencompliance_requests/a7551968-d5d6-44b2-9831-815ac9017798")
                        .header(HttpHeaders.AUTHORIZATION, bearerFor(controller.id(), Role.DELEGATE)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request_status").value("pending"))
                .andExpect(jsonPath("$.extensions.localhost.request_type").value("erasure"))
                .andExpect(jsonPath("$.extensions.localhost.jurisdiction").value("GDPR"))
                .andExpect(header().exists(SignedResponses.SIGNATURE));
    }

    @Test
    void honoursTheLegacyOpenGdprRoutesAndHeaders() throws Exception {
        var id = UUID.randomUUID();
        var response = submit("/opengdpr/v1/opengdpr_requests", request(id, "access", "ccpa", email()), writer())
                .andExpect(status().isCreated())
                .andExpect(header().string(SignedResponses.LEGACY_DOMAIN, "localhost"))
                .andReturn()
                .getResponse();
        assertThat(verifies(response.getContentAsByteArray(), response.getHeader(SignedResponses.LEGACY_SIGNATURE)))
                .isTrue();
        mvc.perform(get("/opengdpr/v1/opengdpr_requests/" + id).header(HttpHeaders.AUTHORIZATION, writer()))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request_status").value("pending"))
                .andExpect(jsonPath("$.extensions.localhost.jurisdiction").value("CCPA"));
    }

    @Test
    void refusesInvalidRequestsWithTheSpecificationsErrorShape() throws Exception {
        submit(
                        "/opencompliance/v1/opencompliance_requests",
                        SPEC_EXAMPLE.replace("\"subject_request_id\": \"a7551968-d5d6-44b2-9831-815ac9017798\",", ""),
                        writer())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.code").value(400))
                .andExpect(jsonPath("$.error.message").value("subject_request_id field is required."))
                .andExpect(jsonPath("$.error.errors[0].domain").value("Validation"))
                .andExpect(jsonPath("$.error.errors[0].reason").value("MissingField"))
                .andExpect(jsonPath("$.error.errors[0].message").value("subject_request_id field is required."));
        var hashed = """
                [{"identity_type":"email","identity_value":"0a1b","identity_format":"sha256"}]""";
        submit(
                        "/opencompliance/v1/opencompliance_requests",
                        request(UUID.randomUUID(), "access", "gdpr", hashed),
                        writer())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.errors[0].reason").value("UnsupportedIdentity"));
        // thousands of bad identities: the first hundred are listed (a signed answer of 1.2 MB, attacker's review)
        var many = new StringBuilder("[");
        for (int i = 0; i < 3_000; i++) {
            many.append(i == 0 ? "" : ",")
                    .append("{\"identity_type\":\"email\",\"identity_value\":\"0a1b\",\"identity_format\":\"md5\"}");
        }
        submit(
                        "/opencompliance/v1/opencompliance_requests",
                        request(
                                UUID.randomUUID(),
                                "access",
                                "gdpr",
                                many.append("]").toString()),
                        writer())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.errors.length()").value(100))
                .andExpect(jsonPath("$.error.errors[99].reason").value("UnsupportedIdentity"));
        submit(
                        "/opencompliance/v1/opencompliance_requests",
                        request(UUID.randomUUID(), "sell", "gdpr", email()),
                        writer())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.errors[0].reason").value("UnsupportedRequestType"));
        submit("/opencompliance/v1/opencompliance_requests", "{not json", writer())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.errors[0].reason").value("MalformedJson"));
        var badEmail = """
                [{"identity_type":"email","identity_value":"not-an-email","identity_format":"raw"}]""";
        submit(
                        "/opencompliance/v1/opencompliance_requests",
                        request(UUID.randomUUID(), "access", "gdpr", badEmail),
                        writer())
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.error.errors[0].message").value("subject.email is not a valid email"));
        // erasure is not a Québec right: the intake's refusal comes back in the same shape
        submit(
                        "/opencompliance/v1/opencompliance_requests",
                        request(UUID.randomUUID(), "erasure", "law25", email()),
                        writer())
                .andExpect(status().isUnprocessableContent())
                .andExpect(jsonPath("$.error.code").value(422))
                .andExpect(jsonPath("$.error.errors[0].domain").value("Workflow"));
        mvc.perform(get("/opencompliance/v1/opencompliance_requests/" + UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, writer()))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value(404));
    }

    @Test
    void refusesCallersWithoutAValidTokenOrAWritingRole() throws Exception {
        var body = request(UUID.randomUUID(), "access", "gdpr", email());
        mvc.perform(post("/opencompliance/v1/opencompliance_requests")
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isUnauthorized());
        submit("/opencompliance/v1/opencompliance_requests", body, "Bearer not-a-token")
                .andExpect(status().isUnauthorized());
        submit("/opencompliance/v1/opencompliance_requests", body, bearer(Role.AUDITOR))
                .andExpect(status().isForbidden());
        mvc.perform(delete("/opencompliance/v1/opencompliance_requests/" + UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.AUDITOR)))
                .andExpect(status().isForbidden());
    }

    @Test
    void takesLaw25TypesAsGardienExtensionsAndTrustsTheControllersCustomerId() throws Exception {
        var id = UUID.randomUUID();
        var customer = """
                [{"identity_type":"controller_customer_id","identity_value":"C-%s","identity_format":"raw"}]""".formatted(id.toString().substring(0, 8));
        var body = request(id, "access", "law25", customer)
                .replace(
                        "\"api_version\"",
                        "\"extensions\": {\"localhost\": {\"request_type\": \"cessation_of_dissemination\","
                                + " \"language\": \"fr\"}}, \"api_version\"");
        var created = submit("/opencompliance/v1/opencompliance_requests", body, writer())
                .andExpect(status().isCreated())
                .andReturn()
                .getResponse()
                .getContentAsString();
        assertThat(created).doesNotContain("C-" + id.toString().substring(0, 8) + "\"");
        var status = mvc.perform(get("/opencompliance/v1/opencompliance_requests/" + id)
                        .header(HttpHeaders.AUTHORIZATION, writer()))
                .andExpect(jsonPath("$.extensions.localhost.request_type").value("cessation_of_dissemination"))
                .andExpect(jsonPath("$.extensions.localhost.jurisdiction").value("QC"))
                .andReturn()
                .getResponse()
                .getContentAsString();
        var request = requests.get(UUID.fromString(JsonPath.read(status, "$.extensions.localhost.request_id")));
        assertThat(request.identifiers())
                .singleElement()
                .satisfies(i -> assertThat(i.kind()).isEqualTo(IdentifierKind.CUSTOMER))
                .satisfies(i -> assertThat(i.verified()).isTrue());
        awaitLedgerEntry("opencompliance.request-received", id);
    }

    @Test
    void cancelsWhilePendingAndCallsTheControllerBackSignedRetryingAfterAFailure() throws Exception {
        var received = new CopyOnWriteArrayList<byte[]>();
        var signatures = new CopyOnWriteArrayList<String>();
        var calls = new AtomicInteger();
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callbacks", exchange -> {
            received.add(exchange.getRequestBody().readAllBytes());
            signatures.add(exchange.getRequestHeaders().getFirst(SignedResponses.SIGNATURE));
            exchange.sendResponseHeaders(calls.incrementAndGet() == 1 ? 503 : 204, -1);
            exchange.close();
        });
        server.start();
        try {
            var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
            var id = UUID.randomUUID();
            var body = request(id, "access", "gdpr", email())
                    .replace("\"api_version\"", "\"status_callback_urls\": [\"" + url + "\"], \"api_version\"");
            submit("/opencompliance/v1/opencompliance_requests", body, writer()).andExpect(status().isCreated());

            mvc.perform(delete("/opencompliance/v1/opencompliance_requests/" + id)
                            .header(HttpHeaders.AUTHORIZATION, writer()))
                    .andExpect(status().isAccepted())
                    .andExpect(jsonPath("$.subject_request_id").value(id.toString()))
                    .andExpect(jsonPath("$.received_time").isString())
                    .andExpect(header().exists(SignedResponses.SIGNATURE));

            // the callback is owed once the change is committed; the first attempt fails (503)
            await().atMost(Duration.ofSeconds(20)).until(() -> {
                sender.deliverDue(Instant.now());
                return calls.get() >= 1;
            });
            assertThat(sender.deliverDue(Instant.now())).isZero(); // backing off
            assertThat(sender.deliverDue(Instant.now().plus(Duration.ofHours(1))))
                    .isEqualTo(1);
            assertThat(calls.get()).isEqualTo(2);

            var last = received.getLast();
            assertThat(verifies(last, signatures.getLast())).isTrue();
            assertThat(verifies("{}".getBytes(StandardCharsets.UTF_8), signatures.getLast()))
                    .isFalse();
            var json = new String(last, StandardCharsets.UTF_8);
            assertThat((String) JsonPath.read(json, "$.request_status")).isEqualTo("cancelled");
            assertThat((String) JsonPath.read(json, "$.status_callback_url")).isEqualTo(url);
            assertThat((String) JsonPath.read(json, "$.subject_request_id")).isEqualTo(id.toString());
            awaitLedgerEntry("opencompliance.callback-delivered", id);

            mvc.perform(delete("/opencompliance/v1/opencompliance_requests/" + id)
                            .header(HttpHeaders.AUTHORIZATION, writer()))
                    .andExpect(status().isConflict())
                    .andExpect(jsonPath("$.error.errors[0].reason").value("NotPending"));
            mvc.perform(get("/opencompliance/v1/opencompliance_requests/" + id)
                            .header(HttpHeaders.AUTHORIZATION, writer()))
                    .andExpect(jsonPath("$.request_status").value("cancelled"));
        } finally {
            server.stop(0);
        }
    }

    @Test
    void anotherControllerNeitherReadsNorCancelsARequestAndLearnsNotEvenThatItExists() throws Exception {
        var id = UUID.randomUUID();
        var owner = person(Role.STAFF);
        submit(
                        "/opencompliance/v1/opencompliance_requests",
                        request(id, "access", "gdpr", email()),
                        bearerFor(owner.id(), Role.STAFF))
                .andExpect(status().isCreated());
        var unknown = mvc.perform(get("/opencompliance/v1/opencompliance_requests/" + UUID.randomUUID())
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.STAFF)))
                .andExpect(status().isNotFound())
                .andReturn()
                .getResponse()
                .getContentAsString();
        for (var other : List.of(bearer(Role.AUDITOR), bearer(Role.DELEGATE), bearer(Role.STAFF), officerBearer())) {
            for (var path : List.of("/opencompliance/v1/opencompliance_requests/", "/opengdpr/v1/opengdpr_requests/")) {
                var body = mvc.perform(get(path + id).header(HttpHeaders.AUTHORIZATION, other))
                        .andExpect(status().isNotFound())
                        .andReturn()
                        .getResponse()
                        .getContentAsString();
                assertThat(body)
                        .as("the same answer as for an id that does not exist")
                        .isEqualTo(unknown);
            }
        }
        mvc.perform(delete("/opencompliance/v1/opencompliance_requests/" + id)
                        .header(HttpHeaders.AUTHORIZATION, bearer(Role.DELEGATE)))
                .andExpect(status().isNotFound())
                .andExpect(jsonPath("$.error.code").value(404));
        mvc.perform(get("/opencompliance/v1/opencompliance_requests/" + id)
                        .header(HttpHeaders.AUTHORIZATION, bearerFor(owner.id(), Role.STAFF)))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.request_status").value("pending"));
        mvc.perform(delete("/opencompliance/v1/opencompliance_requests/" + id)
                        .header(HttpHeaders.AUTHORIZATION, bearerFor(owner.id(), Role.STAFF)))
                .andExpect(status().isAccepted());
    }

    /**
     * Attacker's finding: a 409 told one controller that another had a request with the id it sent. Ids are each
     * controller's own: both submissions succeed, each controller reads and cancels only its own, and one's look-up of
     * an id only the other used answers exactly as an id never used.
     */
    @Test
    void twoControllersUseTheSameIdEachForItsOwnRequestAndNeitherLearnsOfTheOther() throws Exception {
        var id = UUID.randomUUID();
        var a = person(Role.STAFF);
        var b = person(Role.STAFF);
        var aBearer = bearerFor(a.id(), Role.STAFF);
        var bBearer = bearerFor(b.id(), Role.STAFF);
        var path = "/opencompliance/v1/opencompliance_requests/";
        var neverUsed = UUID.randomUUID();
        var unknownRead = answer(get(path + neverUsed), aBearer, 404);
        var unknownCancel = answer(delete(path + neverUsed), aBearer, 404);

        submit(SUBMIT, request(id, "access", "gdpr", email()), bBearer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.controller_id").value(b.id().toString()));
        assertThat(answer(get(path + id), aBearer, 404))
                .as("A reads B's id as one never used")
                .isEqualTo(unknownRead);
        assertThat(answer(delete(path + id), aBearer, 404))
                .as("A cancels B's id as one never used")
                .isEqualTo(unknownCancel);

        submit(SUBMIT, request(id, "erasure", "gdpr", email()), aBearer)
                .andExpect(status().isCreated())
                .andExpect(jsonPath("$.controller_id").value(a.id().toString()))
                .andExpect(jsonPath("$.subject_request_id").value(id.toString()));
        submit(SUBMIT, request(id, "portability", "gdpr", email()), aBearer)
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.errors[0].reason").value("DuplicateRequest"));

        var aRequest = JsonPath.<String>read(answer(get(path + id), aBearer, 200), "$.extensions.localhost.request_id");
        var bRequest = JsonPath.<String>read(answer(get(path + id), bBearer, 200), "$.extensions.localhost.request_id");
        assertThat(aRequest).isNotEqualTo(bRequest);
        assertThat(requests.get(UUID.fromString(aRequest)).type().name()).isEqualTo("ERASURE");
        assertThat(requests.get(UUID.fromString(bRequest)).type().name()).isEqualTo("ACCESS");

        mvc.perform(delete(path + id).header(HttpHeaders.AUTHORIZATION, aBearer))
                .andExpect(status().isAccepted())
                .andExpect(jsonPath("$.controller_id").value(a.id().toString()));
        mvc.perform(get(path + id).header(HttpHeaders.AUTHORIZATION, aBearer))
                .andExpect(jsonPath("$.request_status").value("cancelled"));
        mvc.perform(get(path + id).header(HttpHeaders.AUTHORIZATION, bBearer))
                .andExpect(jsonPath("$.request_status").value("pending"));
    }

    private String answer(
            org.springframework.test.web.servlet.request.MockHttpServletRequestBuilder call, String bearer, int status)
            throws Exception {
        return mvc.perform(call.header(HttpHeaders.AUTHORIZATION, bearer))
                .andExpect(status().is(status))
                .andReturn()
                .getResponse()
                .getContentAsString();
    }

    @Test
    void refusesCallbackUrlsThatReachLoopbackPrivateOrLinkLocalAddressesNamingTheField() throws Exception {
        for (var url : List.of(
                "http://169.254.169.254/latest/meta-data",
                "https://10.1.2.3/callbacks",
                "https://192.168.0.10/callbacks",
                "https://[::ffff:10.0.0.1]/callbacks",
                "https://[fe80::1]/callbacks",
                "https://2130706433/callbacks",
                "https://0177.0.0.1/callbacks")) {
            var id = UUID.randomUUID();
            var body = request(id, "access", "gdpr", email())
                    .replace("\"api_version\"", "\"status_callback_urls\": [\"" + url + "\"], \"api_version\"");
            submit("/opencompliance/v1/opencompliance_requests", body, writer())
                    .andExpect(status().isBadRequest())
                    .andExpect(jsonPath("$.error.errors[0].reason").value("RefusedCallbackAddress"))
                    .andExpect(jsonPath("$.error.errors[0].message", containsString("status_callback_urls")));
            mvc.perform(get("/opencompliance/v1/opencompliance_requests/" + id)
                            .header(HttpHeaders.AUTHORIZATION, writer()))
                    .andExpect(status().isNotFound());
        }
    }

    @Test
    void refusesASecondSubmissionOfTheSameId() throws Exception {
        var body = request(UUID.randomUUID(), "portability", "gdpr", email());
        submit("/opencompliance/v1/opencompliance_requests", body, writer()).andExpect(status().isCreated());
        submit("/opencompliance/v1/opencompliance_requests", body, writer())
                .andExpect(status().isConflict())
                .andExpect(jsonPath("$.error.errors[0].reason").value("DuplicateRequest"));
    }

    private String writerBearer;

    private String writer() {
        if (writerBearer == null) {
            writerBearer = bearer(Role.STAFF);
        }
        return writerBearer;
    }

    private org.springframework.test.web.servlet.ResultActions submit(String path, String body, String bearer)
            throws Exception {
        return mvc.perform(post(path)
                .header(HttpHeaders.AUTHORIZATION, bearer)
                .contentType(MediaType.APPLICATION_JSON)
                .content(body));
    }

    static String email() {
        return """
                [{"identity_type":"email","identity_value":"oc-%s@example.test","identity_format":"raw"}]""".formatted(UUID.randomUUID().toString().substring(0, 8));
    }

    static String request(UUID id, String type, String regulation, String identities) {
        return """
                {"regulation": "%s", "subject_request_id": "%s", "subject_request_type": "%s",
                 "submitted_time": "2026-11-02T15:00:00Z", "subject_identities": %s, "api_version": "1.0"}""".formatted(regulation, id, type, identities);
    }

    private boolean signedByProcessor(MockHttpServletResponse response) throws Exception {
        return verifies(response.getContentAsByteArray(), response.getHeader(SignedResponses.SIGNATURE));
    }

    private boolean verifies(byte[] body, String signature) throws Exception {
        var pem = mvc.perform(get("/opencompliance/v1/certificate.pem"))
                .andExpect(status().isOk())
                .andReturn()
                .getResponse()
                .getContentAsString();
        var cert = (X509Certificate) CertificateFactory.getInstance("X.509")
                .generateCertificate(new ByteArrayInputStream(pem.getBytes(StandardCharsets.US_ASCII)));
        var verifier = Signature.getInstance("SHA256withECDSA");
        verifier.initVerify(cert.getPublicKey());
        verifier.update(body);
        return verifier.verify(Base64.getDecoder().decode(signature));
    }
}
