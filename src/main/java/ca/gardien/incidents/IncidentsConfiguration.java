package ca.gardien.incidents;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IncidentsProperties.class)
class IncidentsConfiguration {}
