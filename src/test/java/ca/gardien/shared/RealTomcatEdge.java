package ca.gardien.shared;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.support.RawHttp;
import ca.gardien.support.RawHttp.Answer;
import ca.gardien.support.TestPasswords;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The HTTP edge on a real Tomcat, spoken to over a socket: a staff bearer token and the problem's checks. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
abstract class RealTomcatEdge {

    static final String PROBLEMS = "https://gardien.ca/problems/";

    @LocalServerPort
    int port;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TokenService tokens;

    RawHttp http;
    String bearer;

    @BeforeEach
    void client() {
        http = new RawHttp(port);
        bearer = bearer(Role.STAFF);
    }

    /** The {@code Authorization} header of a new account's token with this role. */
    String bearer(Role role) {
        var account = accounts.create(
                "edge-" + UUID.randomUUID().toString().substring(0, 8),
                "Edge",
                TestPasswords.fresh("initial"),
                Set.of(role),
                Actor.SYSTEM);
        return "Authorization: Bearer "
                + tokens.issue(account.id(), "edge", Set.of(role), Actor.SYSTEM).secret();
    }

    static void assertProblem(Answer answer, int status, String type) {
        assertThat(answer.status()).isEqualTo(status);
        assertThat(answer.contentType()).startsWith("application/problem+json");
        assertThat(answer.body())
                .contains("\"type\":\"" + PROBLEMS + type + "\"")
                .contains("\"status\":" + status)
                .doesNotContain("timestamp")
                .doesNotContain("Tomcat");
    }
}
