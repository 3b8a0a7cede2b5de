package ca.gardien.console;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console is for signed-in people and is where a sign-in lands; the accounts and the organization profile pages
 * are the person in charge's; the language switch is public. An OpenCompliance controller's system opens only the
 * password page, where it chooses the password it gets its API token with; any other page tells it the account is for
 * the OpenCompliance API only.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebEdge {

    @Bean
    WebEdge consoleEdge() {
        return WebEdge.none()
                .withPublicPages("/locale")
                .withRole("PRIVACY_OFFICER", "/console/accounts/**", "/console/organization/**")
                .withAnyAccount("/console/password")
                .withSignedIn("/console/**")
                .withLanding("/console");
    }
}
