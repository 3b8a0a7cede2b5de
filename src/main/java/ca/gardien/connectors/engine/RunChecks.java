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
            errors.add(new FieldError("action", "must be EXPORT, ERASE or RECTIFY"));
        }
        if (request.identities().isEmpty()) {
            errors.add(new FieldError("identities", "must name at least one identifier, e.g. {\"email\": …}"));
        }
        var kinds = new HashSet<String>();
        graph.identities().forEach(i -> kinds.add(i.kind()));
        request.identities().forEach((kind, value) -> {
            if (!kinds.contains(kind)) {
                errors.add(new FieldError(
                        "identities." + kind, "no column of this connector's dataset is annotated with this identity"));
            } else if (value == null || value.isBlank() || value.length() > 500) {
                errors.add(new FieldError("identities." + kind, "must be 1-500 characters"));
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

    /** What a valid request needs to run, beyond {@link #check}: an erasure or a rectification needs primary keys. */
    public static void runnable(RunRequest request, ReferenceGraph graph) {
        if (!request.action().writes()) {
            return;
        }
        var errors = keyless(graph).stream()
                .map(t -> new FieldError(
                        "action",
                        "cannot " + request.action() + ": table " + t
                                + " holds rows about people but has no primary key"))
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
            errors.add(new FieldError("action", "must be EXPORT, ERASE or RECTIFY"));
        }
        changes(request, errors);
        for (int i = 0; i < request.changes().size(); i++) {
            var at = "changes[" + i + "]";
            var change = request.changes().get(i);
            if (change == null) {
                errors.add(new FieldError(at, "must not be empty"));
                continue;
            }
            if (!name(change.table())) {
                errors.add(new FieldError(at + ".table", "must be 1-200 characters"));
            }
            if (!name(change.column())) {
                errors.add(new FieldError(at + ".column", "must be 1-200 characters"));
            }
            if (change.newValue() != null && change.newValue().length() > MAX_VALUE) {
                errors.add(new FieldError(at + ".newValue", "must be at most " + MAX_VALUE + " characters"));
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
            errors.add(new FieldError("changes", "must list at least one change for RECTIFY"));
        }
        if (request.action() != RunAction.RECTIFY && !request.changes().isEmpty()) {
            errors.add(new FieldError("changes", "is only for RECTIFY"));
        }
    }

    private static void change(String at, RectifyChange change, ReferenceGraph graph, List<FieldError> errors) {
        if (change == null) {
            errors.add(new FieldError(at, "must not be empty"));
            return;
        }
        var table = change.table() == null
                ? null
                : graph.schema().table(change.table()).orElse(null);
        if (table == null || !graph.reachable().contains(table.name())) {
            errors.add(new FieldError(at + ".table", "is not a table holding rows about the person"));
            return;
        }
        var column =
                change.column() == null ? null : table.column(change.column()).orElse(null);
        if (column == null) {
            errors.add(new FieldError(at + ".column", "is not a column of the table"));
        } else if (graph.joinColumns(table.name()).contains(column.name())) {
            errors.add(new FieldError(at + ".column", "is a key or a reference and cannot be rectified"));
        } else if (!fits(column, change.newValue())) {
            errors.add(new FieldError(at + ".newValue", "does not fit the column's type or size"));
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
