package ca.gardien.ledger;

import ca.gardien.GardienApplication;
import ca.gardien.shared.Actor;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Child process of {@link LedgerCrashTest}: starts Gardien on a file database and appends evidence from several
 * threads for ever, printing {@code ACK <event id>} once an append is acknowledged, until it is killed. Half of the
 * writers append directly, half publish events in a transaction as other modules do.
 */
public final class LedgerBurst {

    private LedgerBurst() {}

    public static void main(String[] args) {
        var context = SpringApplication.run(GardienApplication.class, args);
        var writer = context.getBean(LedgerWriter.class);
        ApplicationEventPublisher events = context;
        var transactions = context.getBean(TransactionTemplate.class);
        System.out.println("READY");
        System.out.flush();
        for (int t = 0; t < 4; t++) {
            boolean direct = t % 2 == 0;
            Thread.ofPlatform().start(() -> {
                for (long i = 0; ; i++) {
                    var evidence = Evidence.of(Instant.now(), Actor.SYSTEM, "test.burst", "burst", i, Map.of());
                    try {
                        if (direct) {
                            writer.append(evidence).get(30, TimeUnit.SECONDS);
                        } else {
                            transactions.executeWithoutResult(s -> events.publishEvent(evidence));
                        }
                    } catch (Exception e) {
                        System.out.println("FAILED " + e);
                        System.out.flush();
                        System.exit(3);
                    }
                    synchronized (System.out) {
                        System.out.println("ACK " + evidence.eventId());
                        System.out.flush();
                    }
                }
            });
        }
    }
}
