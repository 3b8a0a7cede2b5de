package ca.gardien.ledger;

import ca.gardien.shared.ProgramGauges;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.MeterBinder;
import java.time.Clock;
import org.springframework.stereotype.Component;

/**
 * {@code gardien_ledger_signing_alarm}: 1 while the checkpoint signing alarm is raised (the chain's history changed
 * and no node signs; docs/ledger-format.md, section 11), 0 otherwise.
 */
@Component
class LedgerMeters implements MeterBinder {

    private final SigningAlarm alarm;
    private final Clock clock;

    LedgerMeters(SigningAlarm alarm, Clock clock) {
        this.alarm = alarm;
        this.clock = clock;
    }

    @Override
    public void bindTo(MeterRegistry registry) {
        ProgramGauges.register(
                registry,
                "gardien.ledger.signing.alarm",
                "1 while the checkpoint signing alarm is raised and no node signs",
                clock,
                () -> alarm.active().isPresent() ? 1 : 0);
    }
}
