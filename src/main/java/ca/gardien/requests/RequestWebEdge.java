package ca.gardien.requests;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The person's code check and one-time download are public and act only on what a code or an unguessable token
 * designates; the code forms and the download button (a page left open may outlive its session) are posted without
 * one.
 */
@Configuration(proxyBeanMethods = false)
class RequestWebEdge {

    @Bean
    WebEdge requestEdge() {
        return WebEdge.none()
                .withPublicPages("/requests/download/*", "/requests/*/verify", "/requests/*/code")
                .withCsrfExempt("/requests/*/verify", "/requests/*/code", "/requests/download/*");
    }
}
