package ca.gardien.requests;

import ca.gardien.support.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans of the request tests' context: a clock they move. */
@TestConfiguration(proxyBeanMethods = false)
class RequestsTestConfiguration {
    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
