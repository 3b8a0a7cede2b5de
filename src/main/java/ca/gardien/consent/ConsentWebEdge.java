package ca.gardien.consent;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The consent endpoints are public: mail clients post unsubscribes (RFC 8058) and the banner posts choices from other
 * sites, without a session and hence without a CSRF token; they act only on what a signed link or a visitor id
 * designates.
 */
@Configuration(proxyBeanMethods = false)
class ConsentWebEdge {

    @Bean
    WebEdge consentEdge() {
        return WebEdge.none().withPublicPages("/consent/**").withCsrfExempt("/consent/**");
    }
}
