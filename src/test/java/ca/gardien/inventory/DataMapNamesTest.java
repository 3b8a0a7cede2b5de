package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;

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
            systems:
              - id: crm
                name: CRM
            """;

    @Test
    void aTransferIsNamedByItsRecipientAndItsCountryNeverByItsId() {
        var map = DataMapYaml.read(YAML, new ArrayList<>());
        var analytics = map.transfers().getFirst();

        assertThat(map.nameOf(analytics, Locale.CANADA_FRENCH)).isEqualTo("Google LLC (États-Unis)");
        assertThat(map.nameOf(analytics, Locale.CANADA)).isEqualTo("Google LLC (United States)");
        assertThat(map.nameOf(map.transfers().get(1), Locale.CANADA_FRENCH))
                .as("a recipient missing from the map: its id as written")
                .isEqualTo("gone (France)");
        assertThat(map.nameOf(map.systems().getFirst(), Locale.CANADA_FRENCH)).isEqualTo("CRM");
    }
}
