package ca.gardien.console;

import ca.gardien.inventory.GapDecision;
import ca.gardien.inventory.GapReport;
import ca.gardien.inventory.InvalidDataMapException;
import ca.gardien.inventory.Inventory;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.NotFoundException;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The data map without YAML: a form per kind of object (systems, third parties, purposes, PI categories, transfers).
 * A submitted form becomes the current document with that object added or replaced, shown as a plan; applying it goes
 * through the same apply as an edited document ({@code POST /console/inventory}), with the same ledger fact. Also the
 * officer's decision on each gap.
 */
@Controller
@RequestMapping("/console/inventory")
class InventoryFormPages {

    private final Inventory inventory;
    private final GapReport gaps;
    private final ca.gardien.inventory.MapNames mapNames;

    private final org.springframework.context.MessageSource messages;
    private final InventoryFormChoices choices;
    private final ca.gardien.organization.ActorNames actors;

    InventoryFormPages(
            Inventory inventory,
            GapReport gaps,
            ca.gardien.inventory.MapNames mapNames,
            org.springframework.context.MessageSource messages,
            InventoryFormChoices choices,
            ca.gardien.organization.ActorNames actors) {
        this.actors = actors;
        this.messages = messages;
        this.choices = choices;
        this.mapNames = mapNames;
        this.inventory = inventory;
        this.gaps = gaps;
    }

    @GetMapping("/forms/{kind}")
    String form(@PathVariable String kind, @RequestParam(required = false) String id, Model model) {
        var fields = InventoryForms.fieldsOf(kind);
        var values = new LinkedHashMap<String, String>();
        if (id != null) {
            var item = itemOf(kind, id).orElseThrow(() -> new NotFoundException("inventory.object.item", id));
            values.putAll(InventoryFormItems.valuesOf(item));
            model.addAttribute("editing", id);
        }
        return show(kind, fields, values, model);
    }

    private java.util.Optional<ca.gardien.inventory.DataMap.Item> itemOf(String kind, String id) {
        return inventory.current().sections().stream()
                .filter(s -> s.name().equals(kind))
                .flatMap(s -> s.items().stream())
                .<ca.gardien.inventory.DataMap.Item>map(i -> i)
                .filter(i -> i.id().equals(id))
                .findFirst();
    }

    /**
     * Shows what the form would change; nothing is applied until the officer applies the plan. A form with mistakes
     * (an empty id among them) comes back with every one at once, each next to its field, in the page's language.
     */
    @PostMapping("/forms/{kind}")
    @PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
    String plan(@PathVariable String kind, @RequestParam Map<String, String> params, Model model, Locale locale) {
        var fields = InventoryForms.fieldsOf(kind);
        var values = new LinkedHashMap<String, String>();
        fields.forEach(f -> values.put(
                InventoryForms.name(f),
                params.getOrDefault(InventoryForms.name(f), "").strip()));
        values.computeIfPresent("id", (field, typed) -> InventoryForms.identifier(typed)); // "Billetterie": billetterie
        var tooLong = new LinkedHashMap<String, String>(); // by its field, not as a line of the whole document
        values.forEach((field, value) -> {
            if (value.length() > InventoryForms.MAX_VALUE) {
                tooLong.put(
                        field,
                        messages.getMessage("shared.field.too-long", new Object[] {InventoryForms.MAX_VALUE}, locale));
            }
        });
        // the blank form, or an item's form given another item's id, would replace that item whole, erasing what this
        // form does not show (officer's review: a third party's English name and place were lost): refused by its id
        var editing = InventoryForms.identifier(params.getOrDefault("editing", "")); // compared as the id is
        model.addAttribute("editing", editing.isEmpty() ? null : editing);
        var id = values.getOrDefault("id", "");
        if (!id.isEmpty() && !id.equals(editing)) {
            itemOf(kind, id)
                    .ifPresent(taken -> tooLong.put(
                            "id",
                            messages.getMessage(
                                    "inventory.form.id-taken", new Object[] {taken.displayName(locale)}, locale)));
        }
        if (!tooLong.isEmpty()) {
            model.addAttribute("fieldErrors", tooLong);
            model.addAttribute("mapErrors", java.util.List.of());
            return show(kind, fields, values, model);
        }
        try {
            model.addAttribute("basedOn", inventory.revision()); // read first: never newer than the map planned from
            var yaml = inventory.documentWith(InventoryFormItems.item(kind, values));
            model.addAttribute("plan", inventory.plan(yaml));
            model.addAttribute("yaml", yaml);
        } catch (InvalidDataMapException e) {
            var byField = new LinkedHashMap<String, String>();
            var others = new java.util.ArrayList<String>();
            for (var error : ca.gardien.inventory.MapError.in(e.errors(), messages, locale)) {
                var field = InventoryForms.fieldOf(kind, error.path(), values);
                if (field == null) {
                    others.add(messages.getMessage(
                            "form.error.line", new Object[] {error.path(), error.message()}, locale));
                } else {
                    byField.merge(field, error.message(), (a, b) -> a + " — " + b);
                }
            }
            var inOrder = new LinkedHashMap<String, String>(); // in the form's order
            values.keySet().stream().filter(byField::containsKey).forEach(f -> inOrder.put(f, byField.get(f)));
            model.addAttribute("fieldErrors", inOrder);
            model.addAttribute("mapErrors", others);
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
            RedirectAttributes flash,
            Locale locale) {
        // back to the gap after POST, done or refused: its errors by its fields and what was typed kept (officer's
        // review: the page was rendered at the form's address, the input lost and a reload a 405)
        return FormSteps.at("/console/inventory/gaps")
                .form("gapForm", FormSteps.typed("gap", id, "status", status, "owner", owner, "reason", reason))
                .labels(Map.of(
                        "status", "inventory.gap-field.status",
                        "owner", "inventory.gap-field.owner",
                        "reason", "inventory.gap-field.reason"))
                .doneAt("#gap-" + id.replace(':', '-'))
                .refusedAt("#refused")
                .run(flash, () -> gaps.decide(id, status, owner, reason, CurrentActor.of(auth), locale));
    }

    /**
     * The gaps, or those of one severity ({@code high}, {@code medium}, {@code low}), of one status ({@link
     * GapDecision#STATUSES}) or, with {@code pending=true}, only those still waiting for someone (open or in progress):
     * what a dashboard figure counts. An unknown severity or status is ignored. Each decision says who took it.
     */
    @GetMapping("/gaps")
    String gapList(
            @RequestParam(required = false) String severity,
            @RequestParam(required = false) String status,
            @RequestParam(required = false) String pending,
            Model model,
            Locale locale) {
        var chosen = SmallList.oneOf(List.of("high", "medium", "low"), severity);
        var chosenStatus = SmallList.oneOf(GapDecision.STATUSES, status);
        var waiting = "true".equals(pending);
        var all = gaps.gaps(locale);
        var shown = all.stream()
                .filter(g -> chosen == null || chosen.equals(g.severity()))
                .filter(g ->
                        chosenStatus == null || chosenStatus.equals(g.decision().status()))
                .filter(g -> !waiting || g.decision().pending())
                .toList();
        var deciders = new java.util.HashMap<String, String>(); // an account read once per decider, not per gap
        var names = new java.util.HashMap<ca.gardien.shared.Actor, String>();
        shown.stream()
                .filter(g -> g.decision().decidedBy() != null)
                .forEach(g -> deciders.put(
                        g.id(), names.computeIfAbsent(g.decision().decidedBy(), a -> actors.name(a, locale))));
        model.addAttribute("gaps", shown);
        model.addAttribute("total", all.size());
        model.addAttribute("deciders", deciders);
        model.addAttribute("names", mapNames.of(inventory.current(), locale)); // each item's name, by its path
        model.addAttribute("severity", chosen);
        model.addAttribute("status", chosenStatus);
        model.addAttribute("pending", waiting);
        model.addAttribute("statuses", GapDecision.STATUSES);
        model.addAttribute("formKinds", InventoryForms.FORMS.keySet()); // other kinds are edited in the YAML
        return "console/inventory-gaps";
    }

    private String show(String kind, List<String> fields, Map<String, String> values, Model model) {
        model.addAttribute("kind", kind);
        model.addAttribute("fields", fields);
        model.addAttribute("required", InventoryRequiredFields.of(kind));
        model.addAttribute("values", values);
        model.addAttribute(
                "choices", choices.of(kind, values, org.springframework.context.i18n.LocaleContextHolder.getLocale()));
        return "console/inventory-form";
    }
}
