package ca.gardien.console;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.connectors.ConnectorRefusedException;
import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.inventory.Dataset;
import ca.gardien.inventory.DatasetEntry;
import ca.gardien.inventory.InvalidDataMapException;
import ca.gardien.inventory.Inventory;
import ca.gardien.inventory.MapNames;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Connected databases: the list, a connection test, the discovered schema for review, the annotations (the connector's
 * {@code datasets:} entry of the data map) and the plan for a sample identity.
 */
@Controller
@RequestMapping("/console/connectors")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class ConnectorPages {

    /** The ways to erase a column as the forms offer them; {@code FIXED} takes the fixed value typed beside it. */
    static final List<String> ERASURES = List.of("DELETE_ROW", "SET_NULL", "MASK", "KEYED_HASH", "FIXED");

    private final ConnectorDesk catalog;
    private final Inventory inventory;
    private final MapNames mapNames;
    private final org.springframework.context.MessageSource messages;

    ConnectorPages(
            ConnectorDesk catalog,
            Inventory inventory,
            MapNames mapNames,
            org.springframework.context.MessageSource messages) {
        this.messages = messages;
        this.catalog = catalog;
        this.inventory = inventory;
        this.mapNames = mapNames;
    }

    @GetMapping
    String list(
            @RequestParam(required = false) String q,
            @RequestParam(required = false) String sort,
            @RequestParam(required = false) String dir,
            @RequestParam(required = false) String type,
            @RequestParam(required = false) String after,
            Model model) {
        var query = ConnectorList.LIST.query(q, sort, dir, after, ca.gardien.shared.Listing.PAGE_SIZE);
        ConnectorList.show(catalog.list(), type, query, model);
        return "console/connectors";
    }

    @GetMapping("/{id}")
    String one(@PathVariable String id, Authentication auth, Model model) {
        model.addAttribute("connector", catalog.view(id));
        try {
            model.addAttribute("schema", catalog.schema(id, CurrentActor.of(auth)));
        } catch (ConnectorRefusedException e) {
            model.addAttribute("refused", e.errors()); // registered before a rule refused its address
        } catch (RuntimeException e) {
            model.addAttribute("unavailable", true); // not a database, or it does not answer
        }
        if (!model.containsAttribute("basedOn")) { // read first: never newer than the annotations shown
            model.addAttribute("basedOn", inventory.revision());
        }
        if (!model.containsAttribute("datasetYaml")) {
            var schema = (DatabaseSchema) model.getAttribute("schema");
            model.addAttribute(
                    "datasetYaml", DatasetEntry.current(inventory.export(), id, ConnectorDesk.columnsByTable(schema)));
        }
        model.addAttribute("annotations", annotations(id));
        model.addAttribute("categories", categories());
        model.addAttribute("erasures", ERASURES);
        model.addAttribute("origins", Dataset.ORIGINS);
        return "console/connector";
    }

    /** The plan for a sample identity, posted so that the identifier stays out of URLs and browser history. */
    @PostMapping("/{id}/plan")
    String plan(
            @PathVariable String id,
            @RequestParam(defaultValue = "email") String kind,
            @RequestParam(defaultValue = "") String value,
            @RequestParam(required = false) String action,
            Authentication auth,
            Model model) {
        try {
            model.addAttribute("plan", catalog.plan(id, action, kind, value));
        } catch (InvalidInputException e) {
            model.addAttribute("planErrors", e.errors());
        } catch (RuntimeException e) {
            model.addAttribute("planUnavailable", true);
        }
        return one(id, auth, model);
    }

    /**
     * Tests the connection: the product and version, or the short reason (never the password), said on the
     * connector's page after a redirect, so that reloading it does not test again (officer's check).
     */
    @PostMapping("/{id}/test")
    String test(
            @PathVariable String id,
            Authentication auth,
            org.springframework.web.servlet.mvc.support.RedirectAttributes flash) {
        try {
            flash.addFlashAttribute("check", catalog.test(id, CurrentActor.of(auth)));
        } catch (ConnectorRefusedException e) {
            flash.addFlashAttribute("refused", e.errors());
        }
        return "redirect:/console/connectors/"
                + org.springframework.web.util.UriUtils.encodePathSegment(id, java.nio.charset.StandardCharsets.UTF_8);
    }

    /** One table's annotations from the per-column form, turned into the entry and planned or applied like it. */
    @PostMapping("/{id}/tables/{table}")
    String annotateTable(
            @PathVariable String id,
            @PathVariable String table,
            @RequestParam MultiValueMap<String, String> form,
            Authentication auth,
            Model model) {
        catalog.view(id);
        var values = new LinkedHashMap<String, Map<String, String>>();
        var columns = form.getOrDefault("column", List.of());
        for (int i = 0; i < columns.size(); i++) {
            var fields = new HashMap<String, String>();
            for (var field : DatasetEntry.FIELDS) {
                var given = form.getOrDefault(field, List.of());
                fields.put(field, i < given.size() ? given.get(i) : "");
            }
            if ("FIXED".equals(fields.get("erasure"))) { // the choice "a fixed value" and the value typed beside it
                var typed = form.getOrDefault("erasureValue", List.of());
                fields.put(
                        "erasure", "FIXED:" + (i < typed.size() ? typed.get(i).strip() : ""));
            }
            values.put(columns.get(i), fields);
        }
        var entry = DatasetEntry.withTable(DatasetEntry.current(inventory.export(), id, null), table, values);
        return annotate(
                id, entry, form.getFirst("step"), InventoryPages.revision(form.getFirst("basedOn")), auth, model);
    }

    /** Plans or applies the edited annotations through the inventory; mistakes come back with their paths. */
    @PostMapping("/{id}/datasets")
    String annotate(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String yaml,
            @RequestParam(defaultValue = "plan") String step,
            @RequestParam(required = false) String basedOn,
            Authentication auth,
            Model model) {
        return annotate(id, yaml, step, InventoryPages.revision(basedOn), auth, model);
    }

    /**
     * The entry planned against the map as it is now, or applied only to the revision its page was read at: the
     * entry replaces the connector's whole dataset, so one written from an older page would drop what another user
     * annotated meanwhile (attacker's re-check); refused, it stays as typed until planned again.
     */
    private String annotate(String id, String yaml, String step, Long basedOn, Authentication auth, Model model) {
        catalog.view(id); // 404 for an unknown connector
        boolean apply = "apply".equals(step);
        model.addAttribute("basedOn", apply ? basedOn : Long.valueOf(inventory.revision()));
        model.addAttribute("datasetYaml", yaml);
        try {
            var document = DatasetEntry.merged(inventory.export(), id, yaml);
            model.addAttribute(
                    "datasetPlan",
                    apply
                            ? inventory.apply(document, CurrentActor.of(auth), r -> basedOn != null && r == basedOn)
                            : inventory.plan(document));
            model.addAttribute("datasetApplied", apply);
            if (apply) {
                model.addAttribute("basedOn", inventory.revision());
            }
        } catch (InvalidDataMapException e) {
            model.addAttribute("datasetErrors", e.errors());
        } catch (ca.gardien.shared.ConflictException e) {
            model.addAttribute("datasetConflict", e.in(messages, LocaleContextHolder.getLocale()));
        }
        return one(id, auth, model);
    }

    /** The data map's categories of information by id, named in the page's language, for the forms' choices. */
    private Map<String, String> categories() {
        var prefix = "piCategories/";
        var categories = new LinkedHashMap<String, String>();
        mapNames.of(inventory.current(), LocaleContextHolder.getLocale()).forEach((path, name) -> {
            if (path.startsWith(prefix)) {
                categories.put(path.substring(prefix.length()), name);
            }
        });
        return categories;
    }

    /** The current column annotations of the connector, keyed {@code TABLE.COLUMN} in upper case for the forms. */
    private Map<String, Dataset.Column> annotations(String id) {
        var byColumn = new HashMap<String, Dataset.Column>();
        inventory.current().datasets().stream()
                .filter(d -> d.id().equals(id))
                .flatMap(d -> d.tables().stream())
                .forEach(t -> t.columns()
                        .forEach(c -> byColumn.put((t.name() + "." + c.name()).toUpperCase(Locale.ROOT), c)));
        return byColumn;
    }
}
