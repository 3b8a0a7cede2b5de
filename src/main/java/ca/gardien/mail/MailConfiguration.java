package ca.gardien.mail;

import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MailProperties.class)
class MailConfiguration {

    /** SMS stay in the outbox, where the console shows them, unless another sender is declared. */
    @Bean
    @ConditionalOnMissingBean(SmsSender.class)
    SmsSender outboxSmsSender(Outbox outbox) {
        return outbox::queue;
    }
}
