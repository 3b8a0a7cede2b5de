package ca.gardien.opencompliance;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(OpenComplianceProperties.class)
class OpenComplianceConfiguration {

    @Bean
    ProcessorKey processorKey(OpenComplianceProperties properties) {
        return ProcessorKey.loadOrCreate(properties.keyDirectory(), properties.processorDomain());
    }
}
