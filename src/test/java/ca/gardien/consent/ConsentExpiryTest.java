package ca.gardien.consent;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.consent.ConsentTerms.State;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.support.WebTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.transaction.support.TransactionTemplate;

/** The expiry sweep, driven by an injected clock, records each expired grant once, as a ledger fact. */
class ConsentExpiryTest extends WebTestSupport {

    @Autowired
    Inventory inventory;

    @Autowired
    ConsentLedger ledger;

    @Autowired
    ConsentDecisions decisions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    TransactionTemplate transactions;

    @BeforeEach
    void map() {
        inventory.apply(ConsentMap.YAML, Actor.SYSTEM);
    }

    /** A sweep as a node whose clock reads {@code at} would run it. */
    ConsentExpiry node(Instant at) {
        return new ConsentExpiry(jdbc, ledger, transactions, Clock.fixed(at, ZoneOffset.UTC));
    }

    ConsentRecord grant(String email, Instant validUntil) {
        return ledger.record(
                new ConsentRequest(
                        new ConsentRequest.SubjectIds(email, null, null, null),
                        "newsletter",
                        State.GRANTED,
                        ConsentTerms.Kind.EXPRESS,
                        null,
                        ConsentTerms.Channel.API,
                        null,
                        null,
                        null,
                        null,
                        validUntil),
                Actor.SYSTEM);
    }

    static String email() {
        return "expiry-" + UUID.randomUUID().toString().substring(0, 8) + "@example.test";
    }

    int expiredRecords(ConsentRecord grant) {
        return jdbc.sql(
                        "SELECT COUNT(*) FROM consent_record WHERE subject_id = ? AND purpose_id = ? AND state = 'EXPIRED'")
                .params(grant.subjectId(), grant.purpose())
                .query(Integer.class)
                .single();
    }

    @Test
    void recordsAGrantPastItsValidityAsExpiredOnceAndDeniesIt() {
        var email = email();
        var grant = grant(email, Instant.now().plus(Duration.ofHours(1)));
        assertThat(decisions.decide("email:" + email, "newsletter").decision()).isEqualTo("ALLOW");

        node(grant.validUntil().minusSeconds(1)).sweep();
        assertThat(expiredRecords(grant)).isZero();

        node(grant.validUntil().plusSeconds(1)).sweep();
        node(grant.validUntil().plusSeconds(2)).sweep();
        assertThat(expiredRecords(grant)).isEqualTo(1);
        var decision = decisions.decide("email:" + email, "newsletter");
        assertThat(decision.decision()).isEqualTo("DENY");
        assertThat(decision.reason()).isEqualTo("expired");
        assertThat(decision.recordId()).isNotEqualTo(grant.id());

        var entry = awaitLedgerEntry("consent.recorded", decision.recordId().toString());
        java.util.Map<String, Object> payload = com.jayway.jsonpath.JsonPath.parse((String) entry.get("payload"))
                .read("$");
        assertThat(payload)
                .containsEntry("state", "EXPIRED")
                .containsEntry("expiredGrant", grant.id().toString());
    }

    @Test
    void aGrantFollowedByAWithdrawalNeedsNoExpiryRecord() {
        var email = email();
        var grant = grant(email, Instant.now().plus(Duration.ofHours(1)));
        ledger.withdraw(
                grant.subjectId(),
                "newsletter",
                ConsentTerms.Channel.API,
                new ConsentRecord.Proof(null, null, null, null, false));
        node(grant.validUntil().plusSeconds(1)).sweep();
        assertThat(expiredRecords(grant)).isZero();
    }

    @Test
    void twoNodesSweepingAtOnceRecordEachExpiryOnce() throws Exception {
        var grants = new java.util.ArrayList<ConsentRecord>();
        for (int i = 0; i < 5; i++) {
            grants.add(grant(email(), Instant.now().plus(Duration.ofMinutes(30))));
        }
        var later = Instant.now().plus(Duration.ofHours(1));
        Callable<Integer> sweep = () -> node(later).sweep();
        try (var pool = Executors.newFixedThreadPool(2)) {
            var a = pool.submit(sweep);
            var b = pool.submit(sweep);
            a.get();
            b.get();
        }
        for (var grant : grants) {
            assertThat(expiredRecords(grant)).isEqualTo(1);
        }
    }
}
