package ca.gardien.ledger;

import java.time.Duration;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.modulith.events.IncompleteEventPublications;
import org.springframework.scheduling.annotation.Scheduled;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(LedgerProperties.class)
class LedgerConfiguration {

    @Bean
    SigningKeys ledgerSigningKeys(LedgerProperties properties) {
        return SigningKeys.loadOrCreate(properties.keyDirectory());
    }

    @Bean
    CheckpointLog ledgerCheckpointLog(LedgerProperties properties) {
        return new CheckpointLog(properties.keyDirectory());
    }

    @Bean
    SigningAlarm ledgerSigningAlarm(LedgerProperties properties) {
        return new SigningAlarm(properties.keyDirectory());
    }

    /** Time-based checkpoints and re-delivery of evidence whose first append failed (e.g. a database outage). */
    @Bean
    LedgerTicks ledgerTicks(LedgerWriter writer, IncompleteEventPublications incomplete) {
        return new LedgerTicks(writer, incomplete);
    }

    record LedgerTicks(LedgerWriter writer, IncompleteEventPublications incomplete) {

        @Scheduled(fixedDelayString = "${gardien.ledger.tick:30s}", initialDelayString = "${gardien.ledger.tick:30s}")
        void tick() {
            writer.tick();
            incomplete.resubmitIncompletePublicationsOlderThan(Duration.ofMinutes(1));
        }
    }
}
