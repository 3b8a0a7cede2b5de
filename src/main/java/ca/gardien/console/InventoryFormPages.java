package ca.gardien.console;

import ca.gardien.inventory.DataMap;
import ca.gardien.inventory.GapDecision;
import ca.gardien.inventory.GapReport;
import ca.gardien.inventory.InformationSystem;
import ca.gardien.inventory.InvalidDataMapException;
import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.PiCategory;
import ca.gardien.inventory.Purpose;
import ca.gardien.inventory.Text;
import ca.gardien.inventory.ThirdParty;
import ca.gardien.inventory.Transfer;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The data map without YAML: a form per kind of object (systems, third parties, purposes, PI categories, transfers).
 * A submitted form becomes the current document with that object added or replaced, shown as a plan; applying it goes
 * through the same apply as an edited document ({@code POST /console/inventory}), with the same ledger fact. Also the
 * officer's decision on each gap.
 */
@Controller
@RequestMapping("/console/inventory")
class InventoryFormPages {

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

    private final Inventory inventory;
    private final GapReport gaps;

    InventoryFormPages(Inventory inventory, GapReport gaps) {
        this.inventory = inventory;
        this.gaps = gaps;
    }

    @GetMapping("/forms/{kind}")
    String form(@PathVariable String kind, @RequestParam(required = false) String id, Model model) {
        var fields = fieldsOf(kind);
        var values = new LinkedHashMap<String, String>();
        if (id != null) {
            var item = inventory.current().sections().stream()
                    .filter(s -> s.name().equals(kind))
                    .flatMap(s -> s.items().stream())
                    .filter(i -> i.id().equals(id))
                    .findFirst()
                    .orElseThrow(() -> new NotFoundException("inventory.object.item", id));
            values.putAll(valuesOf(item));
        }
        return show(kind, fields, values, model);
    }

    /** Shows what the form would change; nothing is applied until the officer applies the plan. */
    @PostMapping("/forms/{kind}")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
    String plan(@PathVariable String kind, @RequestParam Map<String, String> params, Model model) {
        var fields = fieldsOf(kind);
        var values = new LinkedHashMap<String, String>();
        fields.forEach(f -> values.put(name(f), params.getOrDefault(name(f), "").strip()));
        try {
            var yaml = inventory.documentWith(item(kind, values));
            model.addAttribute("plan", inventory.plan(yaml));
            model.addAttribute("yaml", yaml);
        } catch (InvalidDataMapException e) {
            model.addAttribute("mapErrors", e.errors());
        }
        return show(kind, fields, values, model);
    }

    @PostMapping("/gaps/{id}")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
    String decide(
            @PathVariable String id,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String owner,
            @RequestParam(required = false) String reason,
            Authentication auth,
            Model model,
            Locale locale) {
        try {
            gaps.decide(id, status, owner, reason, CurrentActor.of(auth), locale);
        } catch (InvalidInputException e) {
            model.addAttribute("gapErrors", e.errors());
            model.addAttribute("gapInError", id);
            return gapList(model, locale);
        }
        return "redirect:/console/inventory/gaps";
    }

    @GetMapping("/gaps")
    String gapList(Model model, Locale locale) {
        model.addAttribute("gaps", gaps.gaps(locale));
        model.addAttribute("statuses", GapDecision.STATUSES);
        return "console/inventory-gaps";
    }

    private String show(String kind, List<String> fields, Map<String, String> values, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("fields", fields);
        model.addAttribute("values", values);
        model.addAttribute("thirdPartyKinds", List.of("service-provider", "authority", "partner"));
        return "console/inventory-form";
    }

    private static List<String> fieldsOf(String kind) {
        var fields = FORMS.get(kind);
        if (fields == null) {
            throw new NotFoundException("inventory.object.form", kind);
        }
        return fields;
    }

    static String name(String field) {
        return field.endsWith("?") || field.endsWith("@") ? field.substring(0, field.length() - 1) : field;
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

    private static Map<String, String> valuesOf(DataMap.Item item) {
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
