package ca.gardien.consent;

import ca.gardien.shared.KeyedDigest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConsentProperties.class)
class ConsentConfiguration {

    /** Bean name of the consent module's key (identifiers, IP addresses, user agents, receipt and link signatures). */
    static final String KEY = "consentKeyedDigest";

    /** Key file in the key directory, created at first start. */
    static final String KEY_FILE = "consent-hmac.key";

    @Bean(KEY)
    KeyedDigest consentKeyedDigest(ConsentProperties properties) {
        return KeyedDigest.loadOrCreate(properties.keyDirectory(), KEY_FILE);
    }
}
