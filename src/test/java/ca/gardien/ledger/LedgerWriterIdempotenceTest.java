package ca.gardien.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.jdbc.core.JdbcTemplate;

/** Evidence delivered twice (a crash between commit and acknowledgement) is recorded once, on a real database. */
@SpringBootTest
class LedgerWriterIdempotenceTest {

    @Autowired
    LedgerWriter writer;

    @Autowired
    JdbcTemplate jdbc;

    @Autowired
    EvidenceLedger ledger;

    @Test
    void recordsEvidenceDeliveredTwiceOnlyOnceAndKeepsTheChainValid() throws Exception {
        var evidence = Evidence.of(Instant.now(), Actor.SYSTEM, "test.redelivered", "test", "once", Map.of());
        var first = writer.append(evidence).get(10, TimeUnit.SECONDS);
        var second = writer.append(evidence).get(10, TimeUnit.SECONDS);
        var next = writer.append(Evidence.of(Instant.now(), Actor.SYSTEM, "test.next", "test", "next", Map.of()))
                .get(10, TimeUnit.SECONDS);

        assertThat(second).isEqualTo(first);
        assertThat(next.sequence()).isEqualTo(first.sequence() + 1);
        assertThat(jdbc.queryForObject(
                        "SELECT COUNT(*) FROM ledger_entry WHERE event_id = ?", Long.class, evidence.eventId()))
                .isEqualTo(1);
        assertThat(ledger.verify().valid()).isTrue();
    }
}
