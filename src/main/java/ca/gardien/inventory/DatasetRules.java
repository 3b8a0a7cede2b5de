package ca.gardien.inventory;

import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.SqlNames;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** The structural rules of the {@code datasets} annotations; each mistake is reported with its YAML path. */
final class DatasetRules {

    private static final List<String> PLAIN_STRATEGIES = List.of("DELETE_ROW", "SET_NULL", "MASK", "KEYED_HASH");

    private final FieldChecks fields;
    private final Set<String> categories;
    private final Set<String> retentionRules;

    DatasetRules(FieldChecks fields, Set<String> categories, Set<String> retentionRules) {
        this.fields = fields;
        this.categories = categories;
        this.retentionRules = retentionRules;
    }

    void check(String at, Dataset dataset) {
        var names = new HashSet<String>();
        for (int t = 0; t < dataset.tables().size(); t++) {
            var table = dataset.tables().get(t);
            var tableAt = at + ".tables[" + t + "]";
            if (table == null) {
                fields.error(tableAt, "inventory.map.empty");
            } else if (name(tableAt + ".name", table.name())
                    && !names.add(table.name().toLowerCase())) {
                fields.error(tableAt + ".name", "inventory.map.duplicate-table", table.name());
            } else {
                columns(tableAt, table);
                retention(tableAt, table);
            }
        }
    }

    /** A table kept under a retention rule needs the column its duration counts from, and the rule must exist. */
    private void retention(String at, Dataset.Table table) {
        fields.ref(at + ".retention", table.retention(), "retention-rule", retentionRules, false);
        if (table.retention() != null && table.triggerColumn() == null) {
            fields.error(at + ".triggerColumn", "inventory.map.trigger-column");
        } else if (table.triggerColumn() != null) {
            name(at + ".triggerColumn", table.triggerColumn());
            if (table.retention() == null) {
                fields.error(at + ".retention", "inventory.map.required");
            }
        }
    }

    private void columns(String at, Dataset.Table table) {
        var names = new HashSet<String>();
        for (int c = 0; c < table.columns().size(); c++) {
            var column = table.columns().get(c);
            var columnAt = at + ".columns[" + c + "]";
            if (column == null) {
                fields.error(columnAt, "inventory.map.empty");
                continue;
            }
            if (name(columnAt + ".name", column.name())
                    && !names.add(column.name().toLowerCase())) {
                fields.error(columnAt + ".name", "inventory.map.duplicate-column", column.name());
            }
            column(columnAt, column);
        }
    }

    private void column(String at, Dataset.Column column) {
        fields.ref(at + ".category", column.category(), "category", categories, false);
        if (column.identity() != null && !IdentifierKind.validKey(column.identity())) {
            fields.error(at + ".identity", "inventory.map.identity");
        }
        if (column.references() != null && !SqlNames.isQualified(column.references())) {
            fields.error(at + ".references", "inventory.map.references");
        }
        var erasure = column.erasure();
        if (erasure != null && !PLAIN_STRATEGIES.contains(erasure) && !erasure.matches("FIXED:.{0,200}")) {
            fields.error(at + ".erasure", "inventory.map.one-of", String.join(", ", Dataset.STRATEGIES));
        }
        if (column.origin() != null) {
            fields.oneOf(at + ".origin", column.origin(), Dataset.ORIGINS);
        }
    }

    private boolean name(String at, String value) {
        if (!SqlNames.isName(value)) {
            fields.error(at, "inventory.map.name");
            return false;
        }
        return true;
    }
}
