package ca.gardien.console;

import java.util.Map;
import java.util.Set;

/**
 * The fields of each data-map form that the data map's rules refuse empty (an id, a name in both languages where the
 * map keeps two, a jurisdiction, a kind, a transfer's destination and recipient): marked "(obligatoire)" and
 * {@code aria-required} on the form, so that the officer learns it before a refusal (officer's review: "Juridiction :
 * est obligatoire" came back for a field nothing marked). Held to the rules by {@code InventoryRequiredFieldsTest}.
 */
final class InventoryRequiredFields {

    private static final Map<String, Set<String>> REQUIRED = Map.of(
            "systems", Set.of("id", "name", "jurisdiction"),
            "thirdParties", Set.of("id", "name", "kind", "jurisdiction"),
            "purposes", Set.of("id", "nameFr", "nameEn", "kind"),
            "piCategories", Set.of("id", "nameFr", "nameEn"),
            "transfers", Set.of("id", "destination", "recipient"),
            "retentionRules", Set.of("id", "nameFr", "nameEn", "duration", "trigger", "disposal"));

    private InventoryRequiredFields() {}

    /** The required fields of a form's kind (none for a kind without a form). */
    static Set<String> of(String kind) {
        return REQUIRED.getOrDefault(kind, Set.of());
    }
}
