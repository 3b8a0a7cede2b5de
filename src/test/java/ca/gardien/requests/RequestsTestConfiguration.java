package ca.gardien.requests;

import java.util.List;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;

/** Beans of the request tests' context: a clock they move, and a connector for the newsletter service. */
@TestConfiguration(proxyBeanMethods = false)
class RequestsTestConfiguration {
    @Bean
    @Primary
    MovableClock movableClock() {
        return new MovableClock();
    }

    /** A connector that can reach the newsletter service (only subscribers' requests have a task there). */
    @Bean
    TaskAutomation newsletterConnector() {
        return new TaskAutomation() {
            @Override
            public String name() {
                return "newsletter";
            }

            @Override
            public boolean handles(String systemId) {
                return "newsletter-service".equals(systemId);
            }

            @Override
            public java.util.Optional<TaskResult> perform(RequestEvents.TaskOpened task) {
                return java.util.Optional.of(new TaskResult("DONE", "unsubscribed", List.of()));
            }
        };
    }
}
