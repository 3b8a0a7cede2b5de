package ca.gardien.connectors.engine;

import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.connectors.RectifyChange;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.RunRequest;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.math.BigDecimal;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * Checks a run request against the graph: known action, annotated identity kinds, rectifiable columns; or, for a
 * connector without a graph, the action and the shape of the changes.
 */
public final class RunChecks {

    /** The longest new value passed to a webhook service or a staff member. */
    private static final int MAX_VALUE = 4000;

    private RunChecks() {}

    public static void check(RunRequest request, ReferenceGraph graph) {
        var errors = new ArrayList<FieldError>();
        if (request.action() == null) {
            errors.add(FieldError.of("action", "connectors.field.action"));
        }
        if (request.identities().isEmpty()) {
            errors.add(FieldError.of("identities", "connectors.field.identities"));
        }
        var kinds = new HashSet<String>();
        graph.identities().forEach(i -> kinds.add(i.kind()));
        request.identities().forEach((kind, value) -> {
            if (!kinds.contains(kind)) {
                errors.add(FieldError.of("identities." + kind, "connectors.field.identity-not-annotated"));
            } else if (value == null || value.isBlank() || value.length() > 500) {
                errors.add(FieldError.of("identities." + kind, "connectors.field.identity-length"));
            }
        });
        changes(request, errors);
        for (int i = 0; i < request.changes().size(); i++) {
            change("changes[" + i + "]", request.changes().get(i), graph, errors);
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * What a valid request needs to run, beyond {@link #check}: an erasure or a rectification needs primary keys. A
     * task's run refused here becomes the task's note through {@code RunOutcomes.describe}, kept as a phrase.
     */
    public static void runnable(RunRequest request, ReferenceGraph graph) {
        if (!request.action().writes()) {
            return;
        }
        var errors = keyless(graph).stream()
                .map(t -> FieldError.of(
                        "action",
                        "connectors.field.keyless-" + request.action().name().toLowerCase(Locale.ROOT),
                        t))
                .toList();
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Tables a run would change rows of (reached by the walk, or linking to reached rows) that have no primary key:
     * their rows cannot be named one by one, so an erasure or a rectification cannot act on them exactly.
     */
    static List<String> keyless(ReferenceGraph graph) {
        var tables = new java.util.LinkedHashSet<>(graph.reachable());
        graph.edges().stream()
                .filter(e -> !e.follow() && tables.contains(e.parent()))
                .forEach(e -> tables.add(e.child()));
        return tables.stream()
                .filter(t -> graph.table(t).primaryKey().isEmpty())
                .toList();
    }

    /**
     * Checks a run request for a connector without a schema (webhook, manual): known action, and for RECTIFY at least
     * one change naming a table and a column; the service or the staff member checks the rest.
     */
    public static void checkDispatched(RunRequest request) {
        var errors = new ArrayList<FieldError>();
        if (request.action() == null) {
            errors.add(FieldError.of("action", "connectors.field.action"));
        }
        changes(request, errors);
        for (int i = 0; i < request.changes().size(); i++) {
            var at = "changes[" + i + "]";
            var change = request.changes().get(i);
            if (change == null) {
                errors.add(FieldError.of(at, "connectors.field.change-empty"));
                continue;
            }
            if (!name(change.table())) {
                errors.add(FieldError.of(at + ".table", "connectors.field.name-length"));
            }
            if (!name(change.column())) {
                errors.add(FieldError.of(at + ".column", "connectors.field.name-length"));
            }
            if (change.newValue() != null && change.newValue().length() > MAX_VALUE) {
                errors.add(FieldError.of(at + ".newValue", "shared.field.too-long", MAX_VALUE));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    private static boolean name(String name) {
        return name != null && !name.isBlank() && name.length() <= 200;
    }

    private static void changes(RunRequest request, List<FieldError> errors) {
        if (request.action() == RunAction.RECTIFY && request.changes().isEmpty()) {
            errors.add(FieldError.of("changes", "connectors.field.changes-required"));
        }
        if (request.action() != RunAction.RECTIFY && !request.changes().isEmpty()) {
            errors.add(FieldError.of("changes", "connectors.field.changes-only-rectify"));
        }
    }

    private static void change(String at, RectifyChange change, ReferenceGraph graph, List<FieldError> errors) {
        if (change == null) {
            errors.add(FieldError.of(at, "connectors.field.change-empty"));
            return;
        }
        var table = change.table() == null
                ? null
                : graph.schema().table(change.table()).orElse(null);
        if (table == null || !graph.reachable().contains(table.name())) {
            errors.add(FieldError.of(at + ".table", "connectors.field.change-table"));
            return;
        }
        var column =
                change.column() == null ? null : table.column(change.column()).orElse(null);
        if (column == null) {
            errors.add(FieldError.of(at + ".column", "connectors.field.change-column"));
        } else if (graph.joinColumns(table.name()).contains(column.name())) {
            errors.add(FieldError.of(at + ".column", "connectors.field.change-key-column"));
        } else if (!fits(column, change.newValue())) {
            errors.add(FieldError.of(at + ".newValue", "connectors.field.change-value"));
        }
    }

    private static boolean fits(DatabaseSchema.Column column, String value) {
        if (value == null) {
            return column.nullable();
        }
        if (column.character()) {
            return column.size() <= 0 || value.length() <= column.size();
        }
        return switch (column.sqlType()) {
            case Types.INTEGER,
                    Types.BIGINT,
                    Types.SMALLINT,
                    Types.TINYINT,
                    Types.NUMERIC,
                    Types.DECIMAL,
                    Types.DOUBLE,
                    Types.REAL,
                    Types.FLOAT -> {
                try {
                    new BigDecimal(value);
                    yield true;
                } catch (NumberFormatException e) {
                    yield false;
                }
            }
            default -> true;
        };
    }
}
