package ca.gardien.console;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.PiCategory;
import ca.gardien.inventory.Purpose;
import ca.gardien.inventory.Text;
import ca.gardien.inventory.ThirdParty;
import ca.gardien.inventory.Transfer;
import ca.gardien.shared.NotFoundException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The data-map forms of the console: the fields of each kind of object, in order, and the mapping between a form's
 * values and a data-map item, both ways.
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
            List.of("id", "destination", "recipient", "categories", "agreement", "piaReference", "piaApproved?"));

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
        if (("purposes".equals(kind) || "piCategories".equals(kind))
                && ("name".equals(head) || "description".equals(head))) {
            if (path.endsWith(".fr") || path.endsWith(".en")) { // the language the path names (name.fr)
                return head + (path.endsWith(".fr") ? "Fr" : "En");
            }
            return head + (blank(values.get(head + "Fr")) == null ? "Fr" : "En");
        }
        return fieldsOf(kind).stream().map(InventoryForms::name).anyMatch(head::equals) ? head : null;
    }

    private static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private static boolean checked(String value) {
        return "on".equals(value) || "true".equals(value);
    }

    static DataMap.Item item(String kind, Map<String, String> v) {
        return switch (kind) {
            case "systems" ->
                new InformationSystem(
                        blank(v.get("id")),
                        blank(v.get("name")),
                        blank(v.get("owner")),
                        blank(v.get("hostingLocation")),
                        blank(v.get("jurisdiction")),
                        checked(v.get("holdsPersonalInformation")),
                        blank(v.get("introducedOn")),
                        blank(v.get("piaReference")));
            case "thirdParties" ->
                new ThirdParty(
                        blank(v.get("id")),
                        blank(v.get("name")),
                        blank(v.get("kind")),
                        blank(v.get("location")),
                        blank(v.get("jurisdiction")),
                        blank(v.get("commitmentReference")) == null
                                        && blank(v.get("contractStart")) == null
                                        && blank(v.get("contractEnd")) == null
                                ? null
                                : new ThirdParty.Commitment(
                                        blank(v.get("commitmentReference")),
                                        blank(v.get("contractStart")),
                                        blank(v.get("contractEnd"))),
                        blank(v.get("nameEn")),
                        blank(v.get("locationEn")));
            case "purposes" ->
                new Purpose(
                        blank(v.get("id")),
                        new Text(blank(v.get("nameFr")), blank(v.get("nameEn"))),
                        blank(v.get("descriptionFr")) == null && blank(v.get("descriptionEn")) == null
                                ? null
                                : new Text(blank(v.get("descriptionFr")), blank(v.get("descriptionEn"))),
                        blank(v.get("kind")),
                        checked(v.get("implicitConsentAllowed")),
                        blank(v.get("cookieCategory")),
                        null);
            case "piCategories" ->
                new PiCategory(
                        blank(v.get("id")),
                        new Text(blank(v.get("nameFr")), blank(v.get("nameEn"))),
                        checked(v.get("sensitive")),
                        blank(v.get("fideslang")),
                        blank(v.get("dpv")));
            default ->
                new Transfer(
                        blank(v.get("id")),
                        blank(v.get("destination")),
                        blank(v.get("recipient")),
                        v.getOrDefault("categories", "").isBlank()
                                ? List.of()
                                : Arrays.stream(v.get("categories").split(","))
                                        .map(String::strip)
                                        .filter(s -> !s.isEmpty())
                                        .toList(),
                        blank(v.get("agreement")),
                        blank(v.get("piaReference")),
                        checked(v.get("piaApproved")));
        };
    }

    static Map<String, String> valuesOf(DataMap.Item item) {
        var v = new LinkedHashMap<String, String>();
        v.put("id", item.id());
        switch (item) {
            case InformationSystem s -> {
                v.put("name", s.name());
                v.put("owner", s.owner());
                v.put("hostingLocation", s.hostingLocation());
                v.put("jurisdiction", s.jurisdiction());
                v.put("holdsPersonalInformation", String.valueOf(s.holdsPersonalInformation()));
                v.put("introducedOn", s.introducedOn());
                v.put("piaReference", s.piaReference());
            }
            case ThirdParty t -> {
                v.put("name", t.name());
                v.put("nameEn", t.nameEn());
                v.put("kind", t.kind());
                v.put("location", t.location());
                v.put("locationEn", t.locationEn());
                v.put("jurisdiction", t.jurisdiction());
                if (t.commitment() != null) {
                    v.put("commitmentReference", t.commitment().reference());
                    v.put("contractStart", t.commitment().signedOn());
                    v.put("contractEnd", t.commitment().expiresOn());
                }
            }
            case Purpose p -> {
                v.put("nameFr", p.name() == null ? null : p.name().fr());
                v.put("nameEn", p.name() == null ? null : p.name().en());
                v.put(
                        "descriptionFr",
                        p.description() == null ? null : p.description().fr());
                v.put(
                        "descriptionEn",
                        p.description() == null ? null : p.description().en());
                v.put("kind", p.kind());
                v.put("implicitConsentAllowed", String.valueOf(p.implicitConsentAllowed()));
                v.put("cookieCategory", p.cookieCategory());
            }
            case PiCategory c -> {
                v.put("nameFr", c.name() == null ? null : c.name().fr());
                v.put("nameEn", c.name() == null ? null : c.name().en());
                v.put("sensitive", String.valueOf(c.sensitive()));
                v.put("fideslang", c.fideslang());
                v.put("dpv", c.dpv());
            }
            case Transfer t -> {
                v.put("destination", t.destination());
                v.put("recipient", t.recipient());
                v.put("categories", String.join(", ", t.categories()));
                v.put("agreement", t.agreement());
                v.put("piaReference", t.piaReference());
                v.put("piaApproved", String.valueOf(t.piaApproved()));
            }
            default -> {}
        }
        return v;
    }
}
