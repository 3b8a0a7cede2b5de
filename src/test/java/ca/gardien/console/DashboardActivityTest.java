package ca.gardien.console;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import ca.gardien.ledger.EvidenceLedger;
import ca.gardien.organization.Role;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** The dashboard's recent activity reads out what happened in the program, not who looked at what. */
class DashboardActivityTest extends RequestConsoleSupport {

    @Autowired
    EvidenceLedger ledger;

    @Test
    void consultationsStayInTheLedgerButDoNotCrowdOutTheProgramsRecentActivity() throws Exception {
        var id = received("ACCESS");
        var officer = session(Role.PRIVACY_OFFICER);
        for (int i = 0; i < DashboardController.RECENT + 2; i++) {
            page("/console/requests/" + id, officer);
        }
        await().atMost(Duration.ofSeconds(20))
                .until(() -> ledger.about("request", id.toString(), 500).stream()
                                .filter(e -> e.action().equals("requests.identifiers-viewed"))
                                .count()
                        >= DashboardController.RECENT + 2);

        var dashboard = page("/console", officer);

        assertThat(dashboard).contains("Activité récente").doesNotContain("Coordonnées de la personne consultées");
        assertThat(dashboard)
                .as("each fact names the file it is about, linked, as the ledger's page does")
                .contains("href=\"/console/requests/" + id + "\"");
        assertThat(page("/console/ledger?action=requests.identifiers-viewed", officer))
                .contains("Coordonnées de la personne consultées");
    }
}
