package ca.gardien.organization;

import ca.gardien.shared.ObjectNames;
import ca.gardien.shared.TitledNames;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * API tokens by the name their holder gave them, for the ledger's page (officer's review: "Jeton d'API 3802f7ea-…"),
 * one query per page. No page shows another's tokens, so none is linked.
 */
@Configuration(proxyBeanMethods = false)
class TokenNames {

    @Bean
    ObjectNames tokenTitles(JdbcClient jdbc, MessageSource messages) {
        return new TitledNames("api-token", "SELECT id, name AS title FROM api_token", jdbc, messages, id -> null);
    }
}
