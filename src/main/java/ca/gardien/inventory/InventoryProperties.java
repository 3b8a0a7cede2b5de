package ca.gardien.inventory;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings of the inventory module. Legal points that the research could not verify are settings, not constants.
 *
 * @param piaRequiredAfter systems introduced or redesigned after this date need a privacy impact assessment (s. 3.3 came
 *     into force on 2023-09-22)
 * @param secondaryPurposeExceptions legal-basis kinds under which s. 12 allows a secondary use without consent
 * @param sensitiveExemptBases legal-basis kinds under which a sensitive category needs no express consent (none by
 *     default: the rule is then read literally)
 * @param legalReferences overrides of the legal reference shown for a gap rule, by rule id
 */
@ConfigurationProperties("gardien.inventory")
record InventoryProperties(
        @DefaultValue("2023-09-22") LocalDate piaRequiredAfter,

        @DefaultValue({
            "consistent-purpose",
            "clear-benefit",
            "fraud-prevention",
            "service-requested",
            "research-deidentified"
        })
        List<String> secondaryPurposeExceptions,

        List<String> sensitiveExemptBases,
        Map<String, String> legalReferences) {

    InventoryProperties {
        secondaryPurposeExceptions = List.copyOf(secondaryPurposeExceptions);
        sensitiveExemptBases = sensitiveExemptBases == null ? List.of() : List.copyOf(sensitiveExemptBases);
        legalReferences = legalReferences == null ? Map.of() : Map.copyOf(legalReferences);
    }

    static InventoryProperties defaults() {
        return new InventoryProperties(
                LocalDate.parse("2023-09-22"),
                List.of(
                        "consistent-purpose",
                        "clear-benefit",
                        "fraud-prevention",
                        "service-requested",
                        "research-deidentified"),
                null,
                null);
    }
}
