package ca.gardien.governance;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The published policies are public: the page, its JSON form and the embedding script (read from other origins), the
 * earlier versions, and the page that says who acts as person in charge now. Everything else is the API.
 */
@Configuration(proxyBeanMethods = false)
class GovernanceWebEdge {

    @Bean
    WebEdge governanceEdge() {
        return WebEdge.none()
                .withPublicPages(
                        "/privacy/policy",
                        "/privacy/policy.json",
                        "/privacy/policy/embed.js",
                        "/privacy/policy/versions/*",
                        "/privacy/policy/person-in-charge",
                        "/privacy/policies/*",
                        "/privacy/policies/*/versions/*");
    }
}
