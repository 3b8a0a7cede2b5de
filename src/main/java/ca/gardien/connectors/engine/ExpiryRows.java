package ca.gardien.connectors.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Rows of a sweep as values: reading them by a match, projecting columns, cutting value lists into chunks. */
final class ExpiryRows {

    private static final int CHUNK = 500;

    private ExpiryRows() {}

    static List<String> text(List<Object> values) {
        return values.stream().map(String::valueOf).toList();
    }

    static List<Object[]> select(
            Connection connection,
            Sql sql,
            String table,
            List<String> columns,
            List<String> on,
            List<List<Object>> values)
            throws SQLException {
        var text = "SELECT " + sql.columns(columns) + " FROM " + sql.name(table) + " WHERE "
                + sql.matching(on, values.size());
        var rows = new ArrayList<Object[]>();
        try (var s = connection.prepareStatement(text)) {
            Sql.bind(s, 1, values);
            try (var rs = s.executeQuery()) {
                while (rs.next()) {
                    var row = new Object[columns.size()];
                    for (int i = 0; i < row.length; i++) row[i] = rs.getObject(i + 1);
                    rows.add(row);
                }
            }
        }
        return rows;
    }

    static List<List<Object>> tuples(List<Object[]> rows, List<String> columns, List<String> wanted) {
        var out = new java.util.LinkedHashSet<List<Object>>();
        for (var row : rows) {
            var tuple = project(row, columns, wanted);
            if (!tuple.contains(null)) out.add(tuple);
        }
        return List.copyOf(out);
    }

    static List<Object> project(Object[] row, List<String> columns, List<String> wanted) {
        var tuple = new ArrayList<Object>(wanted.size());
        for (var w : wanted) {
            int i = 0;
            while (!columns.get(i).equalsIgnoreCase(w)) i++;
            tuple.add(row[i]);
        }
        return java.util.Collections.unmodifiableList(tuple);
    }

    static List<List<List<Object>>> chunks(List<List<Object>> values) {
        var out = new ArrayList<List<List<Object>>>();
        for (int from = 0; from < values.size(); from += CHUNK) {
            out.add(values.subList(from, Math.min(values.size(), from + CHUNK)));
        }
        return out;
    }

    static long count(Connection connection, Sql sql, String table, String where, List<List<Object>> chunk)
            throws SQLException {
        try (var s = connection.prepareStatement("SELECT COUNT(*) FROM " + sql.name(table) + " WHERE " + where)) {
            Sql.bind(s, 1, chunk);
            try (var rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }
}
