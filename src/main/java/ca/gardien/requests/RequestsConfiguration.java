package ca.gardien.requests;

import ca.gardien.shared.KeyedDigest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestsProperties.class)
class RequestsConfiguration {

    /**
     * Bean name of the requests module's key (identifiers, verification codes, download tokens), separate from
     * consent's on purpose.
     */
    static final String KEY = "requestsKeyedDigest";

    /** Key file in the key directory, created at first start. */
    static final String KEY_FILE = "requests-hmac.key";

    @Bean(KEY)
    KeyedDigest requestsKeyedDigest(RequestsProperties properties) {
        return KeyedDigest.loadOrCreate(properties.keyDirectory(), KEY_FILE);
    }
}
