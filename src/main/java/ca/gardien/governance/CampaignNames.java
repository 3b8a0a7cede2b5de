package ca.gardien.governance;

import ca.gardien.shared.ObjectNames;
import ca.gardien.shared.TitledNames;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Training campaigns by their title, for the ledger's page (one query per page), each linked to its page. */
@Configuration(proxyBeanMethods = false)
class CampaignNames {

    @Bean
    ObjectNames campaignTitles(JdbcClient jdbc, MessageSource messages) {
        return new TitledNames(
                "campaign",
                "SELECT id, title FROM governance_campaign",
                jdbc,
                messages,
                id -> TrainingPages.PAGE + "/" + id);
    }
}
