package ca.gardien.console;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.connectors.ConnectorRefusedException;
import ca.gardien.inventory.DatasetEntry;
import ca.gardien.organization.CurrentActor;
import ca.gardien.shared.InvalidInputException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
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
 * {@code datasets:} entry of the data map) and the plan for a sample identity; the page itself is {@link ConnectorPage}.
 */
@Controller
@RequestMapping("/console/connectors")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class ConnectorPages {

    /** The ways to erase a column as the forms offer them; {@code FIXED} takes the fixed value typed beside it. */
    static final List<String> ERASURES = List.of("DELETE_ROW", "SET_NULL", "MASK", "KEYED_HASH", "FIXED");

    private final ConnectorDesk catalog;
    private final ConnectorPage page;

    ConnectorPages(ConnectorDesk catalog, ConnectorPage page) {
        this.catalog = catalog;
        this.page = page;
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
        return page.show(id, auth, model);
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
        var entry = DatasetEntry.withTable(page.entry(id), table, values);
        page.annotate(
                id,
                entry,
                "apply".equals(form.getFirst("step")),
                InventoryPages.revision(form.getFirst("basedOn")),
                auth,
                model);
        return page.show(id, auth, model);
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
        page.annotate(id, yaml, "apply".equals(step), InventoryPages.revision(basedOn), auth, model);
        return page.show(id, auth, model);
    }
}
