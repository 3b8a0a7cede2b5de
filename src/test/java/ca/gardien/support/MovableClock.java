package ca.gardien.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The clock of deadline tests: real time moved forward by {@link #advance}, or fixed to a day by {@link #setDay}
 * (16:00 UTC, morning in Québec); {@link #reset()} returns it to real time.
 */
public final class MovableClock extends Clock {

    private final AtomicReference<Duration> offset = new AtomicReference<>(Duration.ZERO);
    private final AtomicReference<Instant> fixed = new AtomicReference<>();

    public void advance(Duration by) {
        offset.updateAndGet(o -> o.plus(by));
    }

    public void setDay(String day) {
        fixed.set(LocalDate.parse(day).atTime(16, 0).toInstant(ZoneOffset.UTC));
    }

    public void reset() {
        offset.set(Duration.ZERO);
        fixed.set(null);
    }

    @Override
    public Instant instant() {
        var at = fixed.get();
        return (at == null ? Instant.now() : at).plus(offset.get());
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }
}
