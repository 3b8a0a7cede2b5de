package ca.gardien.requests;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(RequestsProperties.class)
class RequestsConfiguration {

    @Bean
    RequestKey requestKey(RequestsProperties properties) {
        return RequestKey.loadOrCreate(properties.keyDirectory());
    }
}
