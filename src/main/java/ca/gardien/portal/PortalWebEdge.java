package ca.gardien.portal;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The public site: the home page and everything under {@code /privacy} (contact, rights-request forms, the notice). */
@Configuration(proxyBeanMethods = false)
class PortalWebEdge {

    @Bean
    WebEdge portalEdge() {
        return WebEdge.none().withPublicPages("/", "/privacy", "/privacy/**");
    }
}
