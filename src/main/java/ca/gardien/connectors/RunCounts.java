package ca.gardien.connectors;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.PlainText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * The rows a person or a service reports acted on per table when a dispatched run ends, as the run's record and the
 * ledger keep them: a table named by one plain line of 1 to 200 characters, a count from zero to {@value #MAX_ROWS}
 * (attacker's review:
 * the manual completion recorded {@code -1} rows erased and table names holding markup, NUL and direction overrides,
 * which the webhook's callback already refused in part).
 */
public final class RunCounts {

    static final int MAX_TABLE = 200;
    /** The most tables one report names: more than any database a connector reaches would hold. */
    static final int MAX_TABLES = 1000;
    /**
     * The most rows one table's count may say: more than any table holds, and small enough that the run's total of at
     * most {@value #MAX_TABLES} tables cannot wrap around (attacker's review: two counts of {@code Long.MAX_VALUE}
     * recorded a total of 0 rows in the ledger).
     */
    static final long MAX_ROWS = 1_000_000_000_000L;

    private RunCounts() {}

    /**
     * The counts as a report's JSON gives them ({@code {"table": n}}): each a whole number written as one (not 1.5, not
     * "5"), then {@link #checked}.
     *
     * @throws InvalidInputException naming {@code counts} or {@code counts.<table>}
     */
    public static Map<String, Long> parse(JsonNode counts) {
        if (counts == null || counts.isNull()) {
            return Map.of();
        }
        if (!counts.isObject()) {
            throw new InvalidInputException("counts", "connectors.field.counts-object");
        }
        if (counts.size() > MAX_TABLES) {
            throw new InvalidInputException("counts", "connectors.field.counts-many", MAX_TABLES);
        }
        var errors = new ArrayList<FieldError>();
        var parsed = new LinkedHashMap<String, Long>();
        for (var entry : counts.properties()) {
            var rows = entry.getValue();
            if (!plainTable(entry.getKey())) { // named by its place, never echoed (attacker's re-check)
                errors.add(FieldError.of("counts", "connectors.field.counts-table"));
            } else if (!rows.isIntegralNumber() || !rows.canConvertToLong()) {
                errors.add(FieldError.of("counts." + entry.getKey(), "connectors.field.counts-rows", MAX_ROWS));
            } else {
                parsed.put(entry.getKey(), rows.asLong());
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return checked(parsed);
    }

    private static boolean plainTable(String table) {
        return table != null
                && !PlainText.saysNothing(table)
                && table.length() <= MAX_TABLE
                && !PlainText.hidesSomething(table, false);
    }

    /** @throws InvalidInputException naming {@code counts} (a table's name) or {@code counts.<table>} (its rows) */
    static Map<String, Long> checked(Map<String, Long> counts) {
        if (counts != null && counts.size() > MAX_TABLES) {
            throw new InvalidInputException("counts", "connectors.field.counts-many", MAX_TABLES);
        }
        var errors = new ArrayList<FieldError>();
        var kept = new LinkedHashMap<String, Long>();
        (counts == null ? Map.<String, Long>of() : counts).forEach((table, rows) -> {
            if (!plainTable(table)) {
                errors.add(FieldError.of("counts", "connectors.field.counts-table"));
            } else if (rows != null && (rows < 0 || rows > MAX_ROWS)) {
                errors.add(FieldError.of("counts." + table, "connectors.field.counts-rows", MAX_ROWS));
            } else {
                kept.put(table, rows == null ? 0 : rows);
            }
        });
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return kept;
    }
}
