package ca.gardien.inventory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A dataset table kept under a retention rule: the data-map errors, each at its YAML path. */
class RetentionScheduleRulesTest {

    private static final String RULES = """
            retentionRules:
              - id: orders
                name: {fr: Commandes, en: Orders}
                duration: %s
                trigger: order-closed
                legalMinimum: P6Y
                legalSource: "Tax law"
                disposal: destroy
            """;

    private static List<MapError> errors(String duration, String table) {
        var errors = new ArrayList<MapError>();
        var map =
                DataMapYaml.read(RULES.formatted(duration) + "datasets:\n  - id: shop\n    tables:\n" + table, errors);
        assertThat(errors).isEmpty();
        return DataMapRules.check(map);
    }

    @Test
    void aTableKeptUnderARuleWithoutItsTriggerColumnIsAnErrorAtItsPath() {
        assertThat(errors("P7Y", "      - {name: orders, retention: orders}\n"))
                .extracting(MapError::path, MapError::key)
                .containsExactly(tuple("datasets[0].tables[0].triggerColumn", "inventory.map.trigger-column"));
    }

    @Test
    void aRuleShorterThanItsLegalMinimumIsAnErrorAtItsDuration() {
        assertThat(errors("P5Y11M", "      - {name: orders, retention: orders, triggerColumn: closed_at}\n"))
                .extracting(MapError::path, MapError::key)
                .containsExactly(tuple("retentionRules[0].duration", "inventory.map.shorter-than-legal-minimum"));
        assertThat(errors("P2190D", "      - {name: orders, retention: orders, triggerColumn: closed_at}\n"))
                .extracting(MapError::path)
                .containsExactly("retentionRules[0].duration");
    }

    @Test
    void aRuleAsLongAsItsLegalMinimumInOtherUnitsIsAccepted() {
        assertThat(errors("P72M", "      - {name: orders, retention: orders, triggerColumn: closed_at}\n"))
                .isEmpty();
        assertThat(errors("P2200D", "      - {name: orders, retention: orders, triggerColumn: closed_at}\n"))
                .isEmpty();
    }

    @Test
    void anUnknownRuleATriggerWithoutARuleAndABadColumnNameAreErrors() {
        assertThat(errors(
                        "P7Y",
                        "      - {name: a, retention: nope, triggerColumn: closed_at}\n"
                                + "      - {name: b, triggerColumn: closed_at}\n"
                                + "      - {name: c, retention: orders, triggerColumn: \"x; DROP\"}\n"))
                .extracting(MapError::path, MapError::key)
                .containsExactly(
                        tuple("datasets[0].tables[0].retention", "inventory.map.unknown-retention-rule"),
                        tuple("datasets[0].tables[1].retention", "inventory.map.required"),
                        tuple("datasets[0].tables[2].triggerColumn", "inventory.map.name"));
    }
}
