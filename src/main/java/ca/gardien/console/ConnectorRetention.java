package ca.gardien.console;

import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.inventory.Dataset;
import ca.gardien.inventory.MapError;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;
import org.springframework.context.MessageSource;

/**
 * A connector's tables as its retention form shows them — the rule each is kept under and the column its period counts
 * from, the table's date columns offered when the schema is known, typed otherwise — and the checks of a submitted
 * choice, each a sentence naming its field in the page's language ({@code table}, {@code rule},
 * {@code triggerColumn}). The data map checks the same again when the choice is applied.
 */
final class ConnectorRetention {

    /** A table or column name as the data map takes them. */
    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_$]{0,127}");

    private static final Pattern TABLE_PATH = Pattern.compile("datasets\\[\\d+]\\.tables\\[\\d+]\\.(\\w+)");

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
        } else if (!NAME.matcher(table).matches()) {
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
        } else if (!trigger.isEmpty() && !NAME.matcher(trigger).matches()) {
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
            var table = TABLE_PATH.matcher(path);
            String field = "form";
            var message = text(messages, locale, "map", path, error.message());
            if (table.matches() && List.of("retention", "triggerColumn", "name").contains(table.group(1))) {
                field = switch (table.group(1)) {
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
}
