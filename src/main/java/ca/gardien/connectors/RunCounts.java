package ca.gardien.connectors;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.PlainText;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The rows a person or a service reports acted on per table when a dispatched run ends, as the run's record and the
 * ledger keep them: a table named by one plain line of 1 to 200 characters, a count of zero or more (attacker's review:
 * the manual completion recorded {@code -1} rows erased and table names holding markup, NUL and direction overrides,
 * which the webhook's callback already refused in part).
 */
final class RunCounts {

    static final int MAX_TABLE = 200;

    private RunCounts() {}

    /** @throws InvalidInputException naming {@code counts} (a table's name) or {@code counts.<table>} (its rows) */
    static Map<String, Long> checked(Map<String, Long> counts) {
        var errors = new ArrayList<FieldError>();
        var kept = new LinkedHashMap<String, Long>();
        (counts == null ? Map.<String, Long>of() : counts).forEach((table, rows) -> {
            if (table == null
                    || table.isBlank()
                    || table.length() > MAX_TABLE
                    || PlainText.hidesSomething(table, false)) {
                errors.add(FieldError.of("counts", "connectors.field.counts-table"));
            } else if (rows != null && rows < 0) {
                errors.add(FieldError.of("counts." + table, "connectors.field.counts-rows"));
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
