package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.GardienApplication;
import ca.gardien.consent.ConsentTerms.Channel;
import ca.gardien.consent.ConsentTerms.Kind;
import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.support.PostgresTest;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.core.env.Environment;

/**
 * Two Gardien nodes on one PostgreSQL schema: node A is the test's context, node B a second application started
 * against the same database and key directory. The README states the bound checked here (1 s).
 */
@PostgresTest
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class ConsentTwoNodesPostgresTest {

    static final Duration BOUND = Duration.ofSeconds(1);

    @Autowired
    Environment environment;

    @Autowired
    ConsentProperties properties;

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentLedger ledgerA;

    @Autowired
    ConsentDecisions decisionsA;

    @Autowired
    org.springframework.transaction.support.TransactionTemplate transactions;

    ConfigurableApplicationContext nodeB;

    @BeforeEach
    void startNodeB() {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
        nodeB = new SpringApplicationBuilder(GardienApplication.class)
                .run(
                        "--server.port=0",
                        "--spring.datasource.url=" + environment.getProperty("spring.datasource.url"),
                        "--spring.datasource.username=" + environment.getProperty("spring.datasource.username"),
                        "--spring.datasource.password=",
                        "--spring.flyway.schemas=" + environment.getProperty("spring.flyway.schemas"),
                        // the same data directory, hence the same consent and ledger keys (a cluster shares them)
                        "--gardien.data-dir=" + properties.keyDirectory().getParent());
    }

    @AfterEach
    void stopNodeB() {
        if (nodeB != null) {
            nodeB.close();
        }
    }

    static ConsentRequest request(String email, State state) {
        return new ConsentRequest(
                new ConsentRequest.SubjectIds(email, null, null, null),
                "newsletter",
                state,
                Kind.EXPRESS,
                null,
                Channel.EMAIL,
                null,
                null,
                null,
                null,
                null);
    }

    @Test
    void aWithdrawalOnNodeAIsHonouredOnNodeBWithinTheStatedBound() {
        var decisionsB = nodeB.getBean(ConsentDecisions.class);
        for (int round = 0; round < 3; round++) {
            var subject = "email:person-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
            var email = subject.substring("email:".length());
            ledgerA.record(request(email, State.GRANTED), Actor.SYSTEM);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> decisionsB.decide(subject, "newsletter").allowed());

            var withdrawal = ledgerA.record(request(email, State.WITHDRAWN), Actor.SYSTEM);
            long acknowledged = System.nanoTime();
            assertThat(decisionsA.decide(subject, "newsletter"))
                    .isEqualTo(new Decision("DENY", "withdrawn", withdrawal.id()));

            await().atMost(BOUND)
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> !decisionsB.decide(subject, "newsletter").allowed());
            var elapsed = Duration.ofNanos(System.nanoTime() - acknowledged);
            assertThat(elapsed).isLessThanOrEqualTo(BOUND);
            assertThat(decisionsB.decide(subject, "newsletter").recordId()).isEqualTo(withdrawal.id());
        }
    }

    /**
     * Issue 21: a record whose transaction commits long after a later record did (a node paused, a database outage)
     * was skipped for good by the other nodes once it was older than the re-read window; it is seen when it commits.
     */
    @Test
    void aWithdrawalCommittedLongAfterALaterRecordIsStillSeenOnNodeB() throws Exception {
        var decisionsB = nodeB.getBean(ConsentDecisions.class);
        var email = "late-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ledgerA.record(request(email, State.GRANTED), Actor.SYSTEM);
        await().atMost(Duration.ofSeconds(10))
                .until(() -> decisionsB.decide("email:" + email, "newsletter").allowed());

        var inserted = new java.util.concurrent.CountDownLatch(1);
        var commit = new java.util.concurrent.CountDownLatch(1);
        var late = java.util.concurrent.Executors.newSingleThreadExecutor()
                .submit(() -> transactions.execute(s -> {
                    var withdrawal = ledgerA.record(request(email, State.WITHDRAWN), Actor.SYSTEM);
                    inserted.countDown();
                    try {
                        commit.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return withdrawal;
                }));
        inserted.await();
        var other = "other-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
        ledgerA.record(request(other, State.GRANTED), Actor.SYSTEM); // a later number, committed first
        await().atMost(Duration.ofSeconds(10))
                .until(() -> decisionsB.decide("email:" + other, "newsletter").allowed());
        Thread.sleep(properties.pollEvery().multipliedBy(4).toMillis() + 12_000); // past the old 10 s re-read window
        commit.countDown();
        var withdrawal = late.get();

        await().atMost(BOUND.plusSeconds(1))
                .pollInterval(Duration.ofMillis(10))
                .until(() -> !decisionsB.decide("email:" + email, "newsletter").allowed());
        assertThat(decisionsB.decide("email:" + email, "newsletter").recordId()).isEqualTo(withdrawal.id());
    }
}
