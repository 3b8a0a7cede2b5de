package ca.gardien.assessments;

import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Configuration;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(AssessmentsProperties.class)
class AssessmentsConfiguration {}
