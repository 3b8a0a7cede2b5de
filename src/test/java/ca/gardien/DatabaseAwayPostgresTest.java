package ca.gardien;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.ledger.Evidence;
import ca.gardien.ledger.EvidenceBatch;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import ca.gardien.support.CuttableProxy;
import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.MapPropertySource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.test.context.ContextConfiguration;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.json.JsonMapper;

/**
 * Gardien's PostgreSQL goes away (issue 21: a restart gave six callers a 500): while it is away, a public write and an
 * API call with a token answer 503 with {@code Retry-After} — a problem in the caller's language for the
 * API — and nothing is half-written; once it is back, the same calls succeed without a restart of Gardien.
 */
@ExtendWith(PostgresCondition.class)
@ContextConfiguration(initializers = DatabaseAwayPostgresTest.ThroughProxy.class)
@SpringBootTest(
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "spring.datasource.hikari.connection-timeout=1500",
            "spring.datasource.hikari.validation-timeout=1000"
        })
class DatabaseAwayPostgresTest {

    static CuttableProxy proxy;

    /** The test's schema, reached through a relay the test cuts. */
    static class ThroughProxy extends PostgresSchema {
        @Override
        public void initialize(ConfigurableApplicationContext context) {
            super.initialize(context);
            var env = context.getEnvironment();
            var url = env.getProperty("spring.datasource.url");
            if (url == null) {
                return;
            }
            var address = Pattern.compile("//([^/:]+):(\\d+)/").matcher(url);
            if (!address.find()) {
                throw new IllegalStateException("no host:port in GARDIEN_TEST_POSTGRES_URL");
            }
            try {
                proxy = new CuttableProxy(address.group(1), Integer.parseInt(address.group(2)));
            } catch (IOException e) {
                throw new IllegalStateException(e);
            }
            var proxied = url.replace(address.group(0), "//127.0.0.1:" + proxy.port() + "/");
            env.getPropertySources()
                    .addFirst(new MapPropertySource("through-proxy", Map.of("spring.datasource.url", proxied)));
        }
    }

    private static final JsonMapper JSON = JsonMapper.builder().build();

    @LocalServerPort
    int port;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    AccountAdministration accounts;

    @Autowired
    TokenService tokens;

    @Autowired
    TransactionTemplate transactions;

    @Autowired
    ApplicationEventPublisher events;

    @Autowired
    java.time.Clock clock;

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(5))
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @AfterAll
    static void closeProxy() throws IOException {
        if (proxy != null) {
            proxy.close();
        }
    }

    @Test
    void whileTheDatabaseIsAwayCallsGet503WithRetryAfterAndNothingIsWrittenThenAllWorksAgain() throws Exception {
        var officer = accounts.byUsername("officer").orElseThrow().id();
        var bearer = "Bearer "
                + tokens.issue(officer, "away", Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM)
                        .secret();
        assertThat(choice(UUID.randomUUID(), "fr").statusCode()).isEqualTo(204);
        long records = jdbc.queryForObject("SELECT COUNT(*) FROM consent_record", Long.class);

        proxy.cut();
        try {
            var refused = choice(UUID.randomUUID(), "fr");
            assertThat(refused.statusCode()).isEqualTo(503);
            assertThat(refused.headers().firstValue("Retry-After")).contains("5");
            var problem = JSON.readTree(refused.body());
            assertThat(problem.path("type").asString()).isEqualTo("https://gardien.ca/problems/unavailable");
            assertThat(problem.path("detail").asString()).contains("momentanément inaccessible");

            var english = choice(UUID.randomUUID(), "en");
            assertThat(english.statusCode()).isEqualTo(503);
            assertThat(JSON.readTree(english.body()).path("detail").asString()).contains("cannot be reached");

            var withToken = send(HttpRequest.newBuilder(uri("/api/v1/ledger/entries"))
                    .header("Authorization", bearer)
                    .header("Accept-Language", "en")
                    .GET());
            assertThat(withToken.statusCode()).isEqualTo(503);
            assertThat(withToken.headers().firstValue("Retry-After")).contains("5");
            assertThat(JSON.readTree(withToken.body()).path("type").asString())
                    .isEqualTo("https://gardien.ca/problems/unavailable");

        } finally {
            proxy.restore();
        }

        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(500))
                .until(() -> choice(UUID.randomUUID(), "fr").statusCode() == 204);
        assertThat(jdbc.queryForObject("SELECT COUNT(*) FROM consent_record", Long.class))
                .as("records: the calls refused while the database was away wrote nothing")
                .isBetween(records + 1, records + 3);
        var again = send(HttpRequest.newBuilder(uri("/api/v1/ledger/entries"))
                .header("Authorization", bearer)
                .GET());
        assertThat(again.statusCode()).isEqualTo(200);
    }

    @Test
    void evidenceOfAWriteCommittedJustBeforeTheDatabaseWentAwayReachesTheChainWithinSecondsOfItsReturn()
            throws Exception {
        var object = UUID.randomUUID();
        evidenceCommittedAsTheDatabaseGoesAway(
                Evidence.of(clock.instant(), Actor.SYSTEM, "test.database-away", "test", object, Map.of("n", "1")));
        appendedOnceSoonAfterItsReturn(List.of(object));
    }

    /** A consent writer's group publishes its facts as one batch: they are re-delivered as single facts are. */
    @Test
    void aBatchOfEvidenceCommittedJustBeforeTheDatabaseWentAwayReachesTheChainWithinSecondsOfItsReturn()
            throws Exception {
        var objects = List.of(UUID.randomUUID(), UUID.randomUUID());
        evidenceCommittedAsTheDatabaseGoesAway(new EvidenceBatch(objects.stream()
                .map(object -> Evidence.of(
                        clock.instant(), Actor.SYSTEM, "test.database-away", "test", object, Map.of("n", "1")))
                .toList()));
        appendedOnceSoonAfterItsReturn(objects);
    }

    private void evidenceCommittedAsTheDatabaseGoesAway(Object event) throws InterruptedException {
        transactions.executeWithoutResult(status -> {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    proxy.cut(); // the write is acknowledged; its evidence has not been appended yet
                }
            });
            events.publishEvent(event);
        });
        try {
            Thread.sleep(3_000);
        } finally {
            proxy.restore();
        }
    }

    private void appendedOnceSoonAfterItsReturn(List<UUID> objects) {
        long back = System.nanoTime();
        await().atMost(Duration.ofSeconds(30))
                .pollInterval(Duration.ofMillis(250))
                .until(() -> objects.stream().allMatch(this::appended));
        var late = Duration.ofNanos(System.nanoTime() - back);
        assertThat(late).as("evidence visible after the database came back").isLessThan(Duration.ofSeconds(20));
        for (var object : objects) {
            assertThat(jdbc.queryForObject(
                            "SELECT COUNT(*) FROM ledger_entry WHERE object_id = ?", Long.class, object.toString()))
                    .as("appended once, however often it was re-delivered")
                    .isEqualTo(1);
        }
    }

    private boolean appended(UUID object) {
        try {
            return jdbc.queryForObject(
                            "SELECT COUNT(*) FROM ledger_entry WHERE object_id = ?", Long.class, object.toString())
                    > 0;
        } catch (RuntimeException e) {
            return false; // the pool is reconnecting
        }
    }

    private HttpResponse<String> choice(UUID visitor, String language) throws Exception {
        return send(HttpRequest.newBuilder(uri("/consent/choices"))
                .header("Content-Type", "application/json")
                .header("Accept-Language", language)
                .POST(HttpRequest.BodyPublishers.ofString(
                        "{\"visitor\": \"%s\", \"choices\": {\"statistics\": true}, \"language\": \"%s\"}"
                                .formatted(visitor, language))));
    }

    private HttpResponse<String> send(HttpRequest.Builder request) throws Exception {
        return http.send(request.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
    }

    private URI uri(String path) {
        return URI.create("http://127.0.0.1:" + port + path);
    }
}
