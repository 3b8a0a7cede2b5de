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

    @Test
    void aGapIsNamedFromItsIdByItsRuleAndItsObjectWithoutCheckingTheRulesAgain() {
        var map = DataMapYaml.read(YAML, new ArrayList<>());
        var names = new MapNames(Bundles.messages());
        var transfer = "transfer-without-approved-pia:transfers:analytics-us";
        var related = "system-without-pia:systems:crm:first,second"; // with other objects involved

        var found = names.gaps(
                map,
                java.util.List.of(transfer, related, "transfer-without-approved-pia:transfers:removed", "nonsense"),
                Locale.CANADA_FRENCH);

        assertThat(found).containsOnlyKeys(transfer, related);
        assertThat(found.get(transfer).item()).isEqualTo("Google LLC (États-Unis)");
        assertThat(found.get(transfer).rule())
                .isEqualTo(Bundles.messages()
                        .getMessage("inventory.rule.transfer-without-approved-pia", null, Locale.CANADA_FRENCH));
        assertThat(found.get(related).item()).isEqualTo("CRM");
    }
}
