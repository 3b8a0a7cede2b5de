package ca.gardien.assessments;

import ca.gardien.shared.ObjectNames;
import ca.gardien.shared.TitledNames;
import org.springframework.context.MessageSource;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Assessments by their title, for the ledger's page (one query per page), each linked to its page. */
@Configuration(proxyBeanMethods = false)
class AssessmentNames {

    @Bean
    ObjectNames assessmentTitles(JdbcClient jdbc, MessageSource messages) {
        return new TitledNames(
                "assessment",
                "SELECT id, title FROM assessments_assessment",
                jdbc,
                messages,
                id -> "/console/assessments/" + id);
    }
}
