package ca.gardien.connectors;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Run callbacks come from services, without a session: each is authenticated by the HMAC signature of its body. */
@Configuration(proxyBeanMethods = false)
class ConnectorWebEdge {

    @Bean
    WebEdge connectorEdge() {
        return WebEdge.none().withPublicPages("/connectors/callbacks/**").withCsrfExempt("/connectors/callbacks/**");
    }
}
