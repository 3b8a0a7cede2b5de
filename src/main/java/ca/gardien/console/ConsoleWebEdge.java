package ca.gardien.console;

import ca.gardien.shared.WebEdge;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The console is for signed-in accounts and is where a sign-in lands; the accounts and the organization profile pages
 * are the person in charge's; the language switch is public.
 */
@Configuration(proxyBeanMethods = false)
class ConsoleWebEdge {

    @Bean
    WebEdge consoleEdge() {
        return WebEdge.none()
                .withPublicPages("/locale")
                .withRole("PRIVACY_OFFICER", "/console/accounts/**", "/console/organization/**")
                .withSignedIn("/console/**")
                .withLanding("/console");
    }
}
