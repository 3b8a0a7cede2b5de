package ca.gardien.ratelimits;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RateLimitsProperties.class)
class RateLimitsConfiguration {

    @Bean
    CounterKey rateLimitCounterKey(RateLimitsProperties properties) {
        return CounterKey.loadOrCreate(properties.keyDirectory());
    }
}
