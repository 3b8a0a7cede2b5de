package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.modulith.test.ApplicationModuleTest;
import org.springframework.modulith.test.Scenario;

/**
 * The flow every module relies on, checked with the ledger module alone: a published {@link Evidence} is appended to
 * the chain after the publisher's transaction commits, and the chain still verifies.
 */
@ApplicationModuleTest
class EvidenceScenarioTest {

    @Autowired
    EvidenceLedger ledger;

    @Test
    void publishedEvidenceIsAppendedToAChainThatVerifies(Scenario scenario) {
        var objectId = UUID.randomUUID().toString();
        var evidence = Evidence.of(
                Instant.parse("2026-11-02T15:00:00Z"),
                new Actor(Actor.Kind.ACCOUNT, "officer-1"),
                "scenario.fact-recorded",
                "scenario-object",
                objectId,
                Map.of("documentSha256", "ab".repeat(32), "count", "3"));

        scenario.publish(evidence)
                .andWaitAtMost(Duration.ofSeconds(30))
                .andWaitForStateChange(() -> ledger.about("scenario-object", objectId, 10))
                .andVerify(entries -> {
                    assertThat(entries).singleElement().satisfies(entry -> {
                        assertThat(entry.eventId()).isEqualTo(evidence.eventId());
                        assertThat(entry.action()).isEqualTo("scenario.fact-recorded");
                        assertThat(entry.objectType()).isEqualTo("scenario-object");
                        assertThat(entry.objectId()).isEqualTo(objectId);
                        assertThat(entry.actor()).isEqualTo(new Actor(Actor.Kind.ACCOUNT, "officer-1"));
                        assertThat(entry.payload())
                                .isEqualTo("{\"count\":\"3\",\"documentSha256\":\"" + "ab".repeat(32) + "\"}");
                    });
                    var report = ledger.verify();
                    assertThat(report.valid()).as(report.problem()).isTrue();
                    assertThat(report.entries())
                            .isGreaterThanOrEqualTo(entries.getFirst().sequence());
                    assertThat(report.headHash()).isNotBlank();
                });
    }
}
