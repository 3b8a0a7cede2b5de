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
import ca.gardien.retention.RetentionRuleChoices;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Component;
import org.springframework.ui.Model;

/**
 * A connector's page, as every form of it comes back to: the connector, its discovered schema (or why there is none),
 * its annotations (the connector's {@code datasets:} entry of the data map) with a form per table, and the retention
 * rule each table is kept under. Every edit of the entry — the YAML, a table's columns, a table's retention — is
 * planned or applied here, through the inventory: one path, one ledger fact, one new revision of the data map.
 */
@Component
class ConnectorPage {

    private final ConnectorDesk catalog;
    private final Inventory inventory;
    private final MapNames mapNames;
    private final MessageSource messages;
    private final RetentionRuleChoices rules;

    ConnectorPage(
            ConnectorDesk catalog,
            Inventory inventory,
            MapNames mapNames,
            MessageSource messages,
            RetentionRuleChoices rules) {
        this.catalog = catalog;
        this.inventory = inventory;
        this.mapNames = mapNames;
        this.messages = messages;
        this.rules = rules;
    }

    String show(String id, Authentication auth, Model model) {
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
        var schema = (DatabaseSchema) model.getAttribute("schema");
        if (!model.containsAttribute("datasetYaml")) {
            model.addAttribute(
                    "datasetYaml", DatasetEntry.current(inventory.export(), id, ConnectorDesk.columnsByTable(schema)));
        }
        var dataset = inventory.current().datasets().stream()
                .filter(d -> d.id().equals(id))
                .findFirst()
                .orElse(null);
        model.addAttribute("annotations", annotations(dataset));
        model.addAttribute("categories", categories());
        model.addAttribute("erasures", ConnectorPages.ERASURES);
        model.addAttribute("origins", Dataset.ORIGINS);
        model.addAttribute("retentionRules", rules.of(LocaleContextHolder.getLocale()));
        model.addAttribute("retentionTables", ConnectorRetention.tables(schema, dataset));
        return "console/connector";
    }

    /**
     * The entry planned against the map as it is now, or applied only to the revision its page was read at: the
     * entry replaces the connector's whole dataset, so one written from an older page would drop what another user
     * annotated meanwhile (attacker's re-check); refused, it stays as typed until planned again. Whether it was applied.
     */
    boolean annotate(String id, String yaml, boolean apply, Long basedOn, Authentication auth, Model model) {
        catalog.view(id); // 404 for an unknown connector
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
            return apply;
        } catch (InvalidDataMapException e) {
            model.addAttribute("datasetErrors", e.errors());
        } catch (ca.gardien.shared.ConflictException e) {
            model.addAttribute("datasetConflict", e.in(messages, LocaleContextHolder.getLocale()));
        }
        return false;
    }

    /** The connector's entry as the data map holds it now (a skeleton of no table when it has none). */
    String entry(String id) {
        return DatasetEntry.current(inventory.export(), id, null);
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
    private static Map<String, Dataset.Column> annotations(Dataset dataset) {
        var byColumn = new HashMap<String, Dataset.Column>();
        if (dataset != null) {
            dataset.tables()
                    .forEach(t -> t.columns()
                            .forEach(c -> byColumn.put((t.name() + "." + c.name()).toUpperCase(Locale.ROOT), c)));
        }
        return byColumn;
    }
}
