package ca.gardien.incidents;

import ca.gardien.support.MovableClock;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** The incident tests' context: real time moved by what a test asks (keeping periods, the "promptly" clock). */
@TestConfiguration(proxyBeanMethods = false)
class IncidentsTestConfiguration {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
