package ca.gardien.console;

import ca.gardien.connectors.ConnectorDesk;
import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.inventory.DatasetEntry;
import ca.gardien.inventory.MapError;
import ca.gardien.organization.CurrentActor;
import ca.gardien.retention.RetentionRuleChoices;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriUtils;

/**
 * Keeps a connector's table under a retention rule from the console (officer's walk: the retention page said to do it
 * on the connector's page, which had no field for it): the rule and the column its period counts from, checked here by
 * field in the page's language, then applied as the connector's annotations are — the same entry, the same apply of the
 * data map, its new revision and its ledger fact. Refused, the page comes back with what was chosen and each error
 * next to its field; applied, it comes back to the connector's retention section saying what changed.
 */
@Controller
@RequestMapping("/console/connectors")
@PreAuthorize("hasAnyRole('PRIVACY_OFFICER','DELEGATE')")
class ConnectorRetentionForm {

    /** The inputs of the refused form, which the summary links to. */
    private static final Map<String, String> IDS =
            Map.of("table", "retention-table", "rule", "retention-rule", "triggerColumn", "retention-triggerColumn");

    private final ConnectorDesk catalog;
    private final ConnectorPage page;
    private final RetentionRuleChoices rules;
    private final MessageSource messages;

    ConnectorRetentionForm(
            ConnectorDesk catalog, ConnectorPage page, RetentionRuleChoices rules, MessageSource messages) {
        this.catalog = catalog;
        this.page = page;
        this.rules = rules;
        this.messages = messages;
    }

    /** A blank rule and column let the table go: it then follows no rule. */
    @PostMapping("/{id}/retention")
    String keep(
            @PathVariable String id,
            @RequestParam(defaultValue = "") String table,
            @RequestParam(defaultValue = "") String rule,
            @RequestParam(defaultValue = "") String triggerColumn,
            @RequestParam(required = false) String basedOn,
            Authentication auth,
            Model model,
            RedirectAttributes flash,
            Locale locale) {
        catalog.view(id); // 404 for an unknown connector
        var typed = new LinkedHashMap<String, String>();
        typed.put("table", table.strip());
        typed.put("rule", rule.strip());
        typed.put("triggerColumn", triggerColumn.strip());
        var choices = rules.of(locale);
        var refusals = ConnectorRetention.refusals(
                typed.get("table"),
                typed.get("rule"),
                typed.get("triggerColumn"),
                schema(id, auth),
                choices.keySet(),
                messages,
                locale);
        if (refusals.isEmpty()) {
            var entry = DatasetEntry.withRetention(
                    page.entry(id), typed.get("table"), typed.get("rule"), typed.get("triggerColumn"));
            if (page.annotate(id, entry, true, InventoryPages.revision(basedOn), auth, model)) {
                flash.addFlashAttribute("retentionKept", kept(typed, choices, locale));
                flash.addFlashAttribute("retentionRule", typed.get("rule"));
                return "redirect:/console/connectors/" + UriUtils.encodePathSegment(id, StandardCharsets.UTF_8)
                        + "#retention";
            }
            refusals = refusals(model, locale);
        }
        model.addAttribute("retentionFor", typed.get("table"));
        model.addAttribute("retentionTyped", typed);
        model.addAttribute("retentionErrors", refusals);
        model.addAttribute("retentionIds", IDS);
        var view = page.show(id, auth, model);
        @SuppressWarnings("unchecked")
        var lines = (List<ConnectorRetention.Line>) model.getAttribute("retentionTables");
        // a typed table the page does not list comes back in the form that typed it
        model.addAttribute(
                "retentionOther", lines.stream().noneMatch(l -> l.table().equalsIgnoreCase(table.strip())));
        return view;
    }

    /**
     * The data map's refusal, moved from the annotations' section to the retention form: the page shows the entry as
     * it stands and is read at the current revision again (after a conflict, choosing again applies to the map as it
     * now is, shown on the page).
     */
    @SuppressWarnings("unchecked")
    private Map<String, String> refusals(Model model, Locale locale) {
        var values = model.asMap();
        var conflict = (String) values.remove("datasetConflict");
        var errors = (List<MapError>) values.remove("datasetErrors");
        values.remove("datasetYaml");
        values.remove("basedOn");
        if (conflict != null) {
            return Map.of("form", conflict);
        }
        return ConnectorRetention.refusals(errors == null ? List.of() : errors, messages, locale);
    }

    /** What the choice changed, in a sentence of the page's language. */
    private String kept(Map<String, String> typed, Map<String, String> choices, Locale locale) {
        if (typed.get("rule").isEmpty()) {
            return messages.getMessage("connectors.retention.let-go", new Object[] {typed.get("table")}, locale);
        }
        return messages.getMessage(
                "connectors.retention.kept",
                new Object[] {typed.get("table"), choices.get(typed.get("rule")), typed.get("triggerColumn")},
                locale);
    }

    /** The schema last read, or null when the database cannot be read (then names are typed). */
    private DatabaseSchema schema(String id, Authentication auth) {
        try {
            return catalog.schema(id, CurrentActor.of(auth));
        } catch (RuntimeException e) {
            return null;
        }
    }
}
