package ca.gardien.connectors;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(ConnectorsProperties.class)
class ConnectorsConfiguration {

    @Bean
    SecretBox connectorsSecretBox(ConnectorsProperties properties) {
        return SecretBox.loadOrCreate(properties.keyDirectory());
    }
}
