package ca.gardien.console;

import ca.gardien.shared.NotFoundException;
import java.util.List;
import java.util.Map;

/**
 * The data-map forms of the console: the fields of each kind of object, in order, and where a mistake of the map is
 * shown on a form ({@link InventoryFormItems}: a form's values as an item and back).
 */
final class InventoryForms {

    /**
     * The most characters a form's value takes: a description of several paragraphs, far below what makes a line of the
     * document too long to read back (attacker's review: 200,000 characters came back as a mistake of the whole
     * document, by no field).
     */
    static final int MAX_VALUE = 4000;

    /** The fields of each form, in order; a name ending in {@code ?} is a checkbox, in {@code @} a date. */
    static final Map<String, List<String>> FORMS = Map.of(
            "systems",
            List.of(
                    "id",
                    "name",
                    "owner",
                    "hostingLocation",
                    "jurisdiction",
                    "holdsPersonalInformation?",
                    "introducedOn@",
                    "piaReference"),
            "thirdParties",
            List.of(
                    "id",
                    "name",
                    "nameEn",
                    "kind",
                    "location",
                    "locationEn",
                    "jurisdiction",
                    "commitmentReference",
                    "contractStart@",
                    "contractEnd@"),
            "purposes",
            List.of(
                    "id",
                    "nameFr",
                    "nameEn",
                    "descriptionFr",
                    "descriptionEn",
                    "kind",
                    "implicitConsentAllowed?",
                    "cookieCategory"),
            "piCategories",
            List.of("id", "nameFr", "nameEn", "sensitive?", "fideslang", "dpv"),
            "transfers",
            List.of("id", "destination", "recipient", "categories", "agreement", "piaReference", "piaApproved?"),
            "retentionRules",
            List.of(
                    "id",
                    "nameFr",
                    "nameEn",
                    "duration",
                    "trigger",
                    "legalMinimum",
                    "legalSource",
                    "legalSourceEn",
                    "disposal"));

    private InventoryForms() {}

    static List<String> fieldsOf(String kind) {
        var fields = FORMS.get(kind);
        if (fields == null) {
            throw new NotFoundException("inventory.object.form", kind);
        }
        return fields;
    }

    /**
     * An identifier as the data map writes them, from what was typed: without accents, in lower case, spaces as
     * hyphens (officer's review: "Billetterie" was refused for its capital instead of becoming {@code billetterie}).
     * What still does not fit is left to the map's check, which names the rule.
     */
    static String identifier(String typed) {
        return java.text.Normalizer.normalize(typed.strip(), java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("\\s+", "-");
    }

    static String name(String field) {
        return field.endsWith("?") || field.endsWith("@") ? field.substring(0, field.length() - 1) : field;
    }

    /**
     * The form field a mistake of the submitted object is about, by its path relative to the object ({@code id},
     * {@code commitment.signedOn}, {@code categories[1]}); a two-language text's mistake goes to its first empty half.
     * Null when no field of the form holds it.
     */
    static String fieldOf(String kind, String path, Map<String, String> values) {
        var head = path.split("[.\\[]", 2)[0];
        if ("thirdParties".equals(kind) && "commitment".equals(head)) {
            return switch (path) {
                case "commitment.signedOn" -> "contractStart";
                case "commitment.expiresOn" -> "contractEnd";
                default -> "commitmentReference";
            };
        }
        if (List.of("purposes", "piCategories", "retentionRules").contains(kind)
                && ("name".equals(head) || "description".equals(head))) {
            if (path.endsWith(".fr") || path.endsWith(".en")) { // the language the path names (name.fr)
                return head + (path.endsWith(".fr") ? "Fr" : "En");
            }
            return head + (InventoryFormItems.blank(values.get(head + "Fr")) == null ? "Fr" : "En");
        }
        return fieldsOf(kind).stream().map(InventoryForms::name).anyMatch(head::equals) ? head : null;
    }
}
