package ca.gardien.ratelimits;

import ca.gardien.shared.KeyedDigest;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitsProperties.class)
class RateLimitsConfiguration {

    /**
     * Bean name of the rate limits' key: the counters table holds no address or identifier, only its keyed digest
     * under the limit's name.
     */
    static final String KEY = "rateLimitsKeyedDigest";

    /** Key file in the key directory, created at first start. */
    static final String KEY_FILE = "ratelimits-hmac.key";

    @Bean(KEY)
    KeyedDigest rateLimitsKeyedDigest(RateLimitsProperties properties) {
        return KeyedDigest.loadOrCreate(properties.keyDirectory(), KEY_FILE);
    }
}
