package ca.gardien.connectors.engine;

import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.util.List;
import java.util.stream.Collectors;

/** SQL text for the keyset queries; names come from the database's own metadata and are always quoted. */
record Sql(String quote) {

    String name(String identifier) {
        return quote + identifier.replace(quote, quote + quote) + quote;
    }

    String columns(List<String> columns) {
        return columns.stream().map(this::name).collect(Collectors.joining(", "));
    }

    /** {@code c IN (?, …)} for one column, {@code (a = ? AND b = ?) OR …} for several (portable, index-friendly). */
    String matching(List<String> columns, int tuples) {
        return compare(columns.stream().map(this::name).toList(), tuples);
    }

    /** The same over SQL expressions of the columns, such as {@code LOWER("email")}. */
    static String compare(List<String> expressions, int tuples) {
        if (expressions.size() == 1) {
            return expressions.getFirst() + " IN (" + "?, ".repeat(tuples - 1) + "?)";
        }
        var one = "(" + expressions.stream().map(c -> c + " = ?").collect(Collectors.joining(" AND ")) + ")";
        return "(" + String.join(" OR ", java.util.Collections.nCopies(tuples, one)) + ")";
    }

    static int bind(PreparedStatement statement, int from, List<List<Object>> tuples) throws SQLException {
        int i = from;
        for (var tuple : tuples) {
            for (var value : tuple) {
                statement.setObject(i++, value);
            }
        }
        return i;
    }

    static int bind(PreparedStatement statement, int from, List<List<Object>> tuples, int[] sqlTypes)
            throws SQLException {
        int i = from;
        for (var tuple : tuples) {
            for (int c = 0; c < tuple.size(); c++) {
                statement.setObject(i++, tuple.get(c), sqlTypes[c]);
            }
        }
        return i;
    }
}
