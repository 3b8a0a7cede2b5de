package ca.gardien.console;

import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.inventory.Dataset;
import ca.gardien.inventory.MapError;
import ca.gardien.shared.SqlNames;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.springframework.context.MessageSource;

/**
 * A connector's tables as its retention form shows them — the rule each is kept under and the column its period counts
 * from, the table's date columns offered when the schema is known, typed otherwise — and the checks of a submitted
 * choice, each a sentence naming its field in the page's language ({@code table}, {@code rule},
 * {@code triggerColumn}). The data map checks the same again when the choice is applied.
 */
final class ConnectorRetention {

    /** The start of a data-map path into a dataset's tables: {@code datasets[0].tables[1].<field>}. */
    private static final String DATASETS = "datasets[";

    private ConnectorRetention() {}

    /**
     * One table: its name, its rule and trigger column in the data map (null: none) and the columns offered for the
     * trigger, its dates and timestamps (null: the schema is not known, the column is typed).
     */
    record Line(String table, String rule, String triggerColumn, List<String> dated) {

        /** Whether the columns offered hold this one (letter case aside): else it is kept as an option of its own. */
        public boolean offers(String column) {
            return column == null
                    || column.isEmpty()
                    || dated != null && dated.stream().anyMatch(column::equalsIgnoreCase);
        }
    }

    /**
     * The schema's tables, then those the data map keeps under a rule that the schema does not list (or every table of
     * the map when the database cannot be read), so that each can be changed or let go.
     */
    static List<Line> tables(DatabaseSchema schema, Dataset dataset) {
        var mapped = dataset == null ? List.<Dataset.Table>of() : dataset.tables();
        var lines = new ArrayList<Line>();
        if (schema != null) {
            for (var t : schema.tables()) {
                var m = mapped.stream()
                        .filter(d -> d.name().equalsIgnoreCase(t.name()))
                        .findFirst();
                var dated = t.columns().stream()
                        .filter(DatabaseSchema.Column::dated)
                        .map(DatabaseSchema.Column::name)
                        .toList();
                lines.add(new Line(
                        t.name(),
                        m.map(Dataset.Table::retention).orElse(null),
                        m.map(Dataset.Table::triggerColumn).orElse(null),
                        dated));
            }
        }
        for (var m : mapped) {
            if (schema == null || (schema.table(m.name()).isEmpty() && m.retention() != null)) {
                lines.add(new Line(m.name(), m.retention(), m.triggerColumn(), null));
            }
        }
        return lines;
    }

    /** What is wrong with a choice, by field, before the data map is asked; empty when nothing is. */
    static Map<String, String> refusals(
            String table,
            String rule,
            String trigger,
            DatabaseSchema schema,
            Set<String> rules,
            MessageSource messages,
            Locale locale) {
        var refusals = new LinkedHashMap<String, String>();
        var known = schema == null ? null : schema.table(table).orElse(null);
        if (table.isEmpty()) {
            refusals.put("table", text(messages, locale, "table"));
        } else if (!SqlNames.isName(table)) {
            refusals.put("table", text(messages, locale, "name", table));
        } else if (schema != null && known == null && !(rule.isEmpty() && trigger.isEmpty())) { // a gone table, let go
            refusals.put("table", text(messages, locale, "table-unknown", table));
        }
        if (!rule.isEmpty() && !rules.contains(rule)) {
            refusals.put("rule", text(messages, locale, "rule-unknown"));
        } else if (rule.isEmpty() && !trigger.isEmpty()) {
            refusals.put("rule", text(messages, locale, "rule-missing"));
        }
        if (!rule.isEmpty() && trigger.isEmpty()) {
            refusals.put("triggerColumn", text(messages, locale, "trigger-missing"));
        } else if (!trigger.isEmpty() && !SqlNames.isName(trigger)) {
            refusals.put("triggerColumn", text(messages, locale, "name", trigger));
        } else if (!trigger.isEmpty() && known != null) {
            var column = known.column(trigger).orElse(null);
            if (column == null) {
                refusals.put("triggerColumn", text(messages, locale, "trigger-unknown", known.name(), trigger));
            } else if (!column.dated()) {
                refusals.put(
                        "triggerColumn", text(messages, locale, "trigger-not-dated", column.name(), column.type()));
            }
        }
        return refusals;
    }

    /**
     * The data map's refusal of the choice by the form's fields: the table's rule, trigger column and name by theirs,
     * a mistake of a rule (shorter than its legal minimum) by the rule's, anything else by the whole form.
     */
    static Map<String, String> refusals(List<MapError> errors, MessageSource messages, Locale locale) {
        var refusals = new LinkedHashMap<String, String>();
        for (var error : MapError.in(errors, messages, locale)) {
            var path = error.path();
            var table = tableField(path);
            String field = "form";
            var message = text(messages, locale, "map", path, error.message());
            if (table != null && List.of("retention", "triggerColumn", "name").contains(table)) {
                field = switch (table) {
                    case "retention" -> "rule";
                    case "name" -> "table";
                    default -> "triggerColumn";
                };
                message = text(messages, locale, "map-field", error.message());
            } else if (path.startsWith("retentionRules[")) {
                field = "rule";
                message = text(messages, locale, "rule-invalid", error.message());
            }
            refusals.merge(field, message, (a, b) -> a + " " + b);
        }
        return refusals;
    }

    private static String text(MessageSource messages, Locale locale, String key, Object... arguments) {
        return messages.getMessage("connectors.retention.error." + key, arguments, locale);
    }

    /** The field a data-map path names in a dataset's table ({@code datasets[0].tables[1].retention}); else null. */
    static String tableField(String path) {
        if (!path.startsWith(DATASETS)) {
            return null;
        }
        int at = digits(path, DATASETS.length());
        if (at < 0 || !path.startsWith("].tables[", at)) {
            return null;
        }
        at = digits(path, at + "].tables[".length());
        if (at < 0 || !path.startsWith("].", at)) {
            return null;
        }
        var field = path.substring(at + 2);
        return !field.isEmpty() && field.chars().allMatch(c -> Character.isLetterOrDigit(c) || c == '_') ? field : null;
    }

    /** The index after the digits starting at {@code from}; -1 when there are none. */
    private static int digits(String text, int from) {
        int at = from;
        while (at < text.length() && Character.isDigit(text.charAt(at))) {
            at++;
        }
        return at == from ? -1 : at;
    }
}
