package ca.gardien.incidents;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The incident tests' context: real time shifted by what a test asks (keeping periods, the "promptly" clock). */
@TestConfiguration(proxyBeanMethods = false)
class IncidentsTestConfiguration {

    static final class ShiftedClock extends Clock {
        private final AtomicReference<Duration> shift = new AtomicReference<>(Duration.ZERO);

        void shiftBy(Duration by) {
            shift.updateAndGet(s -> s.plus(by));
        }

        void backToNow() {
            shift.set(Duration.ZERO);
        }

        @Override
        public Instant instant() {
            return Instant.now().plus(shift.get());
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

    @Bean
    @Primary
    ShiftedClock shiftedClock() {
        return new ShiftedClock();
    }
}
