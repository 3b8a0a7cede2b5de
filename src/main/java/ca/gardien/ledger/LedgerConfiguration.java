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

    /** Time-based checkpoints, and re-delivery of other modules' events still incomplete a minute after publication. */
    @Bean
    LedgerTicks ledgerTicks(LedgerWriter writer, IncompleteEventPublications incomplete, java.time.Clock clock) {
        return new LedgerTicks(writer, incomplete, clock);
    }

    record LedgerTicks(LedgerWriter writer, IncompleteEventPublications incomplete, java.time.Clock clock) {

        @Scheduled(fixedDelayString = "${gardien.ledger.tick:30s}", initialDelayString = "${gardien.ledger.tick:30s}")
        void tick() {
            writer.tick();
            // evidence is EvidenceRedelivery's, every few seconds; other modules' events wait a minute
            var due = clock.instant().minus(Duration.ofMinutes(1)); // the registry's clock
            incomplete.resubmitIncompletePublications(p -> !EvidenceRedelivery.isEvidence(p.getEvent())
                    && p.getPublicationDate().isBefore(due));
        }
    }
}
