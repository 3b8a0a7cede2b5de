package ca.gardien.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    static final String KEY = "mailKeyedDigest";

    /** The outbox's key for recipients' digests: an exact address finds its messages, sealed as they are. */
    @Bean(KEY)
    ca.gardien.shared.KeyedDigest mailKeyedDigest(MailProperties properties) {
        var directory =
                properties.keyDirectory() == null ? java.nio.file.Path.of("data", "keys") : properties.keyDirectory();
        return ca.gardien.shared.KeyedDigest.loadOrCreate(directory, "mail-hmac.key");
    }

    /** SMS stay in the outbox, where the console shows them, unless another sender is declared. */
    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender outboxSmsSender(Outbox outbox) {
        return new SmsSender() {
            @Override
            public void send(Message message) {
                outbox.queue(message);
            }

            @Override
            public boolean holds() {
                return true; // stored only: the text waits in the outbox
            }
        };
    }
}
