package ca.gardien.support;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Puts a {@link MovableClock} in place of the application's clock: import it in a test that moves time. */
@TestConfiguration(proxyBeanMethods = false)
public class MovableClocks {

    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }
}
