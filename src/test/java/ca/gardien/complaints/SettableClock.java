package ca.gardien.complaints;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** A clock the complaint tests set to a day (noon UTC, morning in Québec); real time until set. */
final class SettableClock extends Clock {

    private final AtomicReference<Instant> now = new AtomicReference<>();

    void setDay(String day) {
        now.set(LocalDate.parse(day).atTime(16, 0).toInstant(ZoneOffset.UTC));
    }

    void reset() {
        now.set(null);
    }

    @Override
    public Instant instant() {
        var set = now.get();
        return set == null ? Instant.now() : set;
    }

    @Override
    public ZoneId getZone() {
        return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
        throw new UnsupportedOperationException();
    }

    @TestConfiguration(proxyBeanMethods = false)
    static class Config {
        @Bean
        @Primary
        SettableClock settableClock() {
            return new SettableClock();
        }
    }
}
