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

    /** Officer's walk: the English retention page showed a French legal source; its English form is its own field. */
    @Test
    void aLegalSourceIsReadInThePagesLanguageAndItsEnglishFormNeedsTheFrenchOne() {
        var errors = new ArrayList<MapError>();
        var map = DataMapYaml.read("""
                retentionRules:
                  - {id: a, name: {fr: A, en: A}, duration: P6Y, trigger: t, legalMinimum: P6Y, disposal: destroy,
                     legalSource: "Loi sur l’administration fiscale, art. 35", legalSourceEn: "Tax Administration Act, s. 35"}
                  - {id: b, name: {fr: B, en: B}, duration: P1Y, trigger: t, disposal: destroy, legalSource: "P-39.1, art. 11"}
                  - {id: c, name: {fr: C, en: C}, duration: P1Y, trigger: t, disposal: destroy, legalSourceEn: "s. 11"}
                """, errors);
        assertThat(errors).isEmpty();
        var rules = map.retentionRules();
        assertThat(rules.get(0).legalSource(java.util.Locale.CANADA_FRENCH))
                .isEqualTo("Loi sur l’administration fiscale, art. 35");
        assertThat(rules.get(0).legalSource(java.util.Locale.ENGLISH)).isEqualTo("Tax Administration Act, s. 35");
        assertThat(rules.get(1).legalSource(java.util.Locale.ENGLISH)).isEqualTo("P-39.1, art. 11"); // as written
        assertThat(DataMapRules.check(map))
                .extracting(MapError::path, MapError::key)
                .containsExactly(tuple("retentionRules[2].legalSource", "inventory.map.required"));
    }
}
