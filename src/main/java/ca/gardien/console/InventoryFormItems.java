package ca.gardien.console;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.PiCategory;
import ca.gardien.inventory.Purpose;
import ca.gardien.inventory.RetentionRule;
import ca.gardien.inventory.Text;
import ca.gardien.inventory.ThirdParty;
import ca.gardien.inventory.Transfer;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** A data-map form's values as the item they describe, and an item as its form's values ({@link InventoryForms}). */
final class InventoryFormItems {

    private InventoryFormItems() {}

    static String blank(String value) {
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
            case "retentionRules" ->
                new RetentionRule(
                        blank(v.get("id")),
                        new Text(blank(v.get("nameFr")), blank(v.get("nameEn"))),
                        blank(v.get("duration")),
                        blank(v.get("trigger")),
                        blank(v.get("legalMinimum")),
                        blank(v.get("legalSource")),
                        blank(v.get("disposal")),
                        blank(v.get("legalSourceEn")));
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
            case RetentionRule r -> {
                v.put("nameFr", r.name() == null ? null : r.name().fr());
                v.put("nameEn", r.name() == null ? null : r.name().en());
                v.put("duration", r.duration());
                v.put("trigger", r.trigger());
                v.put("legalMinimum", r.legalMinimum());
                v.put("legalSource", r.legalSource());
                v.put("legalSourceEn", r.legalSourceEn());
                v.put("disposal", r.disposal());
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
