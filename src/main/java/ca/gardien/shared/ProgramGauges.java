package ca.gardien.shared;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A gauge of the program read from the database (open requests past due, failed runs, messages waiting): every node
 * reports the same figure, so an alert takes the {@code max} over nodes. A scrape reads the database at most once per
 * {@link #FRESH_FOR}, however many scrapers ask; a failed read reports NaN rather than an old figure.
 */
public final class ProgramGauges {

    /** How long a figure read from the database is served before the next scrape reads it again. */
    public static final Duration FRESH_FOR = Duration.ofSeconds(10);

    private static final Logger log = LoggerFactory.getLogger(ProgramGauges.class);

    private ProgramGauges() {}

    public static void register(
            MeterRegistry registry, String name, String description, Clock clock, Supplier<? extends Number> read) {
        var memo = new Memo(name, clock, read);
        Gauge.builder(name, memo, Memo::value)
                .description(description)
                .strongReference(true) // nothing else holds the memo
                .register(registry);
    }

    private static final class Memo {
        private final String name;
        private final Clock clock;
        private final Supplier<? extends Number> read;
        private Instant readAt = Instant.MIN;
        private double value = Double.NaN;

        Memo(String name, Clock clock, Supplier<? extends Number> read) {
            this.name = name;
            this.clock = clock;
            this.read = read;
        }

        synchronized double value() {
            var now = clock.instant();
            if (readAt.plus(FRESH_FOR).isAfter(now)) {
                return value;
            }
            try {
                value = read.get().doubleValue();
            } catch (RuntimeException unavailable) {
                // the database is away: no figure rather than a stale one; the exception's class only (no data)
                log.warn(
                        "Gauge {} could not be read: {}",
                        name,
                        unavailable.getClass().getName());
                value = Double.NaN;
            }
            readAt = now;
            return value;
        }
    }
}
