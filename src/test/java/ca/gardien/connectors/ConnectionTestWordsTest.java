package ca.gardien.connectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.jayway.jsonpath.JsonPath;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.function.Consumer;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * A connection test says whether a database answered, not what else is on the network (attacker's review: SQL states
 * told a closed port from a silent host and from another service, a port scan for anyone who may test a connector).
 */
class ConnectionTestWordsTest extends ConnectorTestSupport {

    private static final String UNREACHABLE_FR =
            "aucune base de données de ce type ne répond à cette adresse (l’hôte ne répond pas, le port est fermé ou un"
                    + " autre service y répond).";

    private String problem(String url, String user, String language) throws Exception {
        var id = register("probe-" + UUID.randomUUID().toString().substring(0, 8), url, user, "not-the-password");
        var body = mvc.perform(post("/api/v1/connectors/" + id + "/test")
                        .header("Authorization", officerBearer())
                        .header("Accept-Language", language))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.ok").value(false))
                .andReturn()
                .getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
        return JsonPath.read(body, "$.problem");
    }

    /** A local service that is not PostgreSQL: it greets like SSH and hangs up, or says nothing at all. */
    private static ServerSocket service(Consumer<java.net.Socket> conversation) throws IOException {
        var server = new ServerSocket(0);
        Thread.ofVirtual().start(() -> {
            while (!server.isClosed()) {
                try (var socket = server.accept()) {
                    conversation.accept(socket);
                } catch (IOException e) {
                    return;
                }
            }
        });
        return server;
    }

    @Test
    void aClosedPortAnotherServiceAndASilentHostReadTheSame() throws Exception {
        try (var ssh = service(s -> {
                    try {
                        s.getOutputStream().write("SSH-2.0-OpenSSH_9.2\r\n".getBytes(StandardCharsets.US_ASCII));
                    } catch (IOException ignored) {
                        // the client hung up first: the same for the test
                    }
                });
                var silent = service(s -> {
                    try {
                        Thread.sleep(3_000);
                    } catch (InterruptedException ignored) {
                        Thread.currentThread().interrupt();
                    }
                })) {
            var options = "?connectTimeout=1&loginTimeout=1&socketTimeout=1";
            var closed = problem("jdbc:postgresql://127.0.0.1:1/crm" + options, "crm", "fr");
            var other = problem("jdbc:postgresql://127.0.0.1:" + ssh.getLocalPort() + "/crm" + options, "crm", "fr");
            var quiet = problem("jdbc:postgresql://127.0.0.1:" + silent.getLocalPort() + "/crm" + options, "crm", "fr");

            assertThat(closed).isEqualTo(UNREACHABLE_FR);
            assertThat(other).isEqualTo(closed);
            assertThat(quiet).isEqualTo(closed);
            assertThat(problem("jdbc:postgresql://127.0.0.1:1/crm" + options, "crm", "en"))
                    .isEqualTo("no database of this type answers at this address"
                            + " (the host does not answer, the port is closed or another service answers there).");
        }
    }

    /**
     * Attacker's review (2026-12-07): the test went through the connector's pool, which retries until its timeout — ten
     * logins refused in the organization's database for one test, enough to lock an account there.
     */
    @Test
    void aTestConnectsOnceAndAnswersAFailureAtTheDeadline() throws Exception {
        var accepted = new java.util.concurrent.atomic.AtomicInteger();
        try (var refusing = service(s -> accepted.incrementAndGet())) {
            long started = System.nanoTime();
            var said = problem(
                    "jdbc:postgresql://127.0.0.1:" + refusing.getLocalPort() + "/crm?sslmode=disable&connectTimeout=1",
                    "crm",
                    "en");
            long tookMillis = (System.nanoTime() - started) / 1_000_000;
            assertThat(said).startsWith("no database of this type answers at this address");
            Thread.sleep(300); // a pool would still be retrying
            assertThat(accepted.get()).as("connections the test opened").isEqualTo(1);
            assertThat(tookMillis)
                    .as("a failure answers at the deadline (test config: 500 ms)")
                    .isGreaterThanOrEqualTo(450);
        }
    }

    @Test
    void aDatabaseThatRefusesTheCredentialsSaysSo() throws Exception {
        var mariadb = System.getenv("GARDIEN_TEST_MARIADB_URL");
        Assumptions.assumeTrue(mariadb != null, "GARDIEN_TEST_MARIADB_URL is not set: no MariaDB to refuse a password");
        var hostPort = mariadb.replaceFirst("^jdbc:mariadb://([^/?]+).*$", "$1");

        assertThat(problem("jdbc:mariadb://" + hostPort + "/?connectTimeout=2000", "root", "fr"))
                .isEqualTo("la base de données refuse ce nom d’utilisateur ou ce mot de passe.");
    }
}
