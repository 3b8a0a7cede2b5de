package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.gardien.shared.Bundles;
import java.util.ArrayList;
import java.util.Locale;
import org.junit.jupiter.api.Test;

/** Pages name a transfer, which has no name of its own, by whom it goes to and where (officer's re-walk). */
class DataMapNamesTest {

    private static final String YAML = """
            thirdParties:
              - id: google
                name: Google LLC
                kind: service-provider
            transfers:
              - id: analytics-us
                destination: US
                recipient: google
              - id: nowhere
                destination: FR
                recipient: gone
              - id: ontario
                destination: CA-ON
                recipient: google
            systems:
              - id: crm
                name: CRM
            """;

    @Test
    void aTransferIsNamedByItsRecipientAndItsPlaceNeverByItsId() {
        var map = DataMapYaml.read(YAML, new ArrayList<>());
        var names = new MapNames(Bundles.messages());

        assertThat(names.of(map, Locale.CANADA_FRENCH))
                .containsEntry("transfers/analytics-us", "Google LLC (États-Unis)")
                .as("a recipient missing from the map: its id as written")
                .containsEntry("transfers/nowhere", "gone (France)")
                .as("a province by its name, as the notice and the gaps' explanations say it")
                .containsEntry("transfers/ontario", "Google LLC (Ontario (Canada))")
                .containsEntry("systems/crm", "CRM");
        assertThat(names.of(map, Locale.CANADA)).containsEntry("transfers/analytics-us", "Google LLC (United States)");
    }
}
