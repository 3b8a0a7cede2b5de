package ca.gardien.opencompliance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.delete;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import ca.gardien.organization.Role;
import ca.gardien.requests.Requests;
import ca.gardien.support.MovableClock;
import ca.gardien.support.MovableClocks;
import ca.gardien.support.WebTestSupport;
import com.sun.net.httpserver.HttpServer;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Import;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.util.ReflectionTestUtils;

/**
 * What OpenCompliance keeps of a submission goes with its rights request: once the request's personal information was
 * purged at the end of its retention period (the requests module's sweep, moved a year on by an injected clock) and its
 * callbacks were delivered or abandoned, the submission and its callbacks are destroyed once, with a ledger fact; a
 * callback still owed keeps them, and the submission of a request still kept stays.
 */
@Import(MovableClocks.class)
class SubmissionRetentionTest extends WebTestSupport {

    @Autowired
    MovableClock clock;

    @Autowired
    SubmissionRetention retention;

    @Autowired
    CallbackSender sender;

    @Autowired
    Requests requests;

    @Autowired
    ApplicationContext context;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void realTime() {
        clock.reset();
    }

    long rows(String table, UUID id) {
        return jdbc.sql("SELECT COUNT(*) FROM " + table + " WHERE subject_request_id = ?")
                .param(id)
                .query(Long.class)
                .single();
    }

    UUID submit(String bearer, String callbackUrl) throws Exception {
        var id = UUID.randomUUID();
        var body = OpenComplianceApiTest.request(id, "access", "gdpr", OpenComplianceApiTest.email());
        if (callbackUrl != null) {
            body = body.replace(
                    "\"api_version\"", "\"status_callback_urls\": [\"" + callbackUrl + "\"], \"api_version\"");
        }
        mvc.perform(post("/opencompliance/v1/opencompliance_requests")
                        .header(HttpHeaders.AUTHORIZATION, bearer)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content(body))
                .andExpect(status().isCreated());
        return id;
    }

    UUID requestOf(UUID submission) {
        return jdbc.sql("SELECT request_id FROM opencompliance_request WHERE subject_request_id = ?")
                .param(submission)
                .query(UUID.class)
                .single();
    }

    @Test
    void aSubmissionGoesWithItsPurgedRequestOnceItsCallbacksAreSettledAndOnlyOnce() throws Exception {
        var answering = new AtomicBoolean(false);
        var server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/callbacks", exchange -> {
            exchange.getRequestBody().readAllBytes();
            exchange.sendResponseHeaders(answering.get() ? 204 : 503, -1);
            exchange.close();
        });
        server.start();
        try {
            clock.setDay("2027-02-01");
            var writer = bearer(Role.STAFF);
            var url = "http://127.0.0.1:" + server.getAddress().getPort() + "/callbacks";
            var cancelled = submit(writer, url);
            var open = submit(writer, null);
            mvc.perform(delete("/opencompliance/v1/opencompliance_requests/" + cancelled)
                            .header(HttpHeaders.AUTHORIZATION, writer))
                    .andExpect(status().isAccepted());
            await().atMost(Duration.ofSeconds(20)).until(() -> rows("opencompliance_callback", cancelled) == 1);
            sender.deliverDue(clock.instant()); // refused (503): the callback is retried later

            // a year and two days later the cancelled request is purged; the open one is kept
            clock.setDay("2028-02-03");
            ReflectionTestUtils.invokeMethod(context.getBean("requestRetention"), "sweep");
            assertThat(requests.purgedAmong(Set.of(requestOf(cancelled), requestOf(open))))
                    .containsExactly(requestOf(cancelled));

            assertThat(retention.sweep()).isZero(); // its callback is still owed
            assertThat(rows("opencompliance_request", cancelled)).isEqualTo(1);

            answering.set(true);
            assertThat(sender.deliverDue(clock.instant().plus(Duration.ofHours(1))))
                    .isEqualTo(1);
            var request = requestOf(cancelled);
            assertThat(retention.sweep()).isEqualTo(1);
            assertThat(rows("opencompliance_request", cancelled)).isZero();
            assertThat(rows("opencompliance_callback", cancelled)).isZero();
            assertThat(rows("opencompliance_request", open)).isEqualTo(1);
            assertThat(retention.sweep()).isZero();

            var fact = awaitLedgerEntry("opencompliance.destroyed", cancelled);
            assertThat(String.valueOf(fact.get("payload")))
                    .contains(request.toString(), "callbacks")
                    .doesNotContain("127.0.0.1");
            mvc.perform(get("/opencompliance/v1/opencompliance_requests/" + cancelled)
                            .header(HttpHeaders.AUTHORIZATION, writer))
                    .andExpect(status().isNotFound());
        } finally {
            server.stop(0);
        }
    }
}
