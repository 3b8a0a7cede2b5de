package ca.gardien.consent;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsentProperties.class)
class ConsentConfiguration {

    @Bean
    IdentifierKey consentIdentifierKey(ConsentProperties properties) {
        return IdentifierKey.loadOrCreate(properties.keyDirectory());
    }
}
