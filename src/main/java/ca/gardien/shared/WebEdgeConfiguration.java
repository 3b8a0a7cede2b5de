package ca.gardien.shared;

import jakarta.servlet.DispatcherType;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.function.Consumer;
import org.apache.catalina.core.StandardHost;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.jackson.autoconfigure.JsonMapperBuilderCustomizer;
import org.springframework.boot.tomcat.ConfigurableTomcatWebServerFactory;
import org.springframework.boot.tomcat.autoconfigure.TomcatServerProperties;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.web.multipart.MultipartResolver;
import org.springframework.web.multipart.support.StandardServletMultipartResolver;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.cfg.CoercionAction;
import tools.jackson.databind.cfg.CoercionInputShape;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.cfg.MutableCoercionConfig;
import tools.jackson.databind.type.LogicalType;

/** The HTTP edge every module shares: body caps first in line, and Tomcat's own refusals kept in the error contract. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(WebProperties.class)
class WebEdgeConfiguration {

    /** Right after the forwarded-headers filter (highest precedence) and long before Spring Security reads a form. */
    static final int BODY_LIMITS_ORDER = Ordered.HIGHEST_PRECEDENCE + 10;

    @Bean
    FilterRegistrationBean<BodyLimits> bodyLimits(
            WebProperties properties,
            List<BodyLimit> contributed,
            MessageSource messages,
            List<SpecifiedErrors> specified) {
        var registration = new FilterRegistrationBean<>(new BodyLimits(properties, contributed, messages, specified));
        registration.setOrder(BODY_LIMITS_ORDER);
        return registration;
    }

    /**
     * Right after the body caps: a body is parsed only once it is known to be within them, and before Spring Security
     * reads a form field. Tomcat's cap on a part's headers tells a file name too long from a body too large.
     */
    @Bean
    FilterRegistrationBean<ReadableRequests> readableRequests(
            MultipartResolver multipartResolver,
            ObjectProvider<TomcatServerProperties> tomcat,
            MessageSource messages,
            List<SpecifiedErrors> specified) {
        long partHeaderMax = tomcat.stream()
                .mapToLong(t -> t.getMaxPartHeaderSize().toBytes())
                .findFirst()
                .orElse(-1);
        var registration = new FilterRegistrationBean<>(
                new ReadableRequests(multipartResolver, partHeaderMax, messages, specified));
        registration.setOrder(BODY_LIMITS_ORDER + 1);
        return registration;
    }

    /**
     * Spring MVC's multipart parsing ({@link ReadableRequests} resolves with it ahead of the security filters), except
     * on the error page: a request refused for its size must not have its
     * body parsed when the error page renders, which would fail again and leave the client an empty answer.
     */
    @Bean
    MultipartResolver multipartResolver() {
        return new StandardServletMultipartResolver() {
            @Override
            public boolean isMultipart(HttpServletRequest request) {
                return request.getDispatcherType() != DispatcherType.ERROR && super.isMultipart(request);
            }
        };
    }

    /**
     * The pages a person types or copies from a letter answer with or without a trailing slash ({@code
     * /privacy/requests/} was a 404): a permanent redirect to the address without it, the query kept. Only under the
     * public and console pages, so the redirect never leaves them.
     */
    @Bean
    FilterRegistrationBean<org.springframework.web.filter.UrlHandlerFilter> trailingSlash() {
        var registration = new FilterRegistrationBean<>(
                org.springframework.web.filter.UrlHandlerFilter.trailingSlashHandler("/privacy/**", "/console/**")
                        .redirect(org.springframework.http.HttpStatus.PERMANENT_REDIRECT)
                        .build());
        registration.setOrder(BODY_LIMITS_ORDER + 2);
        return registration;
    }

    /** Before the security chains, which would treat {@code /API/V1/…} as a page ({@link ApiPathCase}). */
    @Bean
    FilterRegistrationBean<ApiPathCase> apiPathCase(MessageSource messages) {
        var registration = new FilterRegistrationBean<>(new ApiPathCase(messages));
        registration.setOrder(BODY_LIMITS_ORDER + 3);
        return registration;
    }

    /**
     * Bodies read as they were written (attacker's reviews): a key given twice is refused rather than the last one kept
     * (two readers of one body could disagree on what it said), and no value is taken for another kind — a number or a
     * boolean is not text ({@code {"reason": 5}} was recorded as the reason "5"), a number is not a choice
     * ({@code "roles":[0]} was the person in charge), 1 is not {@code true} ({@code "statistics":1} was a consent),
     * 1.7 is not 1, a date is not a count of days, "12" is not 12. Each is a 400 naming the field ({@link JsonPaths}).
     */
    @Bean
    JsonMapperBuilderCustomizer strictBodies() {
        return builder -> builder.enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .defaultLeniency(false)
                .withCoercionConfig(
                        LogicalType.Textual,
                        refused(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean))
                .withCoercionConfig(
                        LogicalType.Boolean,
                        refused(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.String))
                .withCoercionConfig(
                        LogicalType.Integer,
                        refused(CoercionInputShape.Float, CoercionInputShape.String, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.Float, refused(CoercionInputShape.String, CoercionInputShape.Boolean))
                .withCoercionConfig(LogicalType.DateTime, refused(CoercionInputShape.Integer, CoercionInputShape.Float))
                .withCoercionConfig(
                        LogicalType.Enum,
                        refused(CoercionInputShape.Integer, CoercionInputShape.Float, CoercionInputShape.Boolean));
    }

    private static Consumer<MutableCoercionConfig> refused(CoercionInputShape... shapes) {
        return config -> {
            for (var shape : shapes) {
                config.setCoercion(shape, CoercionAction.Fail);
            }
        };
    }

    @Bean
    WebServerFactoryCustomizer<ConfigurableTomcatWebServerFactory> containerErrorReport(
            MessageSource messages, List<SpecifiedErrors> specified) {
        ContainerErrorReport.speak(messages, specified);
        return factory -> factory.addContextCustomizers(context -> {
            if (context.getParent() instanceof StandardHost host) {
                host.setErrorReportValveClass(ContainerErrorReport.class.getName());
            }
        });
    }
}
