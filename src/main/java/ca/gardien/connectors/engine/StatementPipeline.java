package ca.gardien.connectors.engine;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

/**
 * Runs several set-based statements in one round trip where the driver allows it. PostgreSQL's driver takes statements
 * separated by semicolons in one prepared statement and sends them together (one parse, bind and execute each, one
 * sync), so a batch of deletes and updates costs one round trip instead of one per step. Other drivers run them one
 * by one.
 */
final class StatementPipeline {

    private StatementPipeline() {}

    /** Whether this connection sends semicolon-separated statements in one round trip. */
    static boolean supported(Connection connection) throws SQLException {
        var meta = connection.getMetaData();
        return "PostgreSQL".equals(meta.getDatabaseProductName())
                && "PostgreSQL JDBC Driver".equals(meta.getDriverName());
    }

    /** The rows of one query of {@link #query}, with their column labels. */
    record Result(List<String> labels, List<Object[]> rows) {}

    /** Runs the queries in one round trip and reads every row of each: the caller bounds them (with a LIMIT). */
    static List<Result> query(Connection connection, List<String> texts, List<List<List<Object>>> params)
            throws SQLException {
        var results = new ArrayList<Result>(texts.size());
        try (var s = connection.prepareStatement(String.join(";\n", texts))) {
            int i = 1;
            for (var tuples : params) {
                i = Sql.bind(s, i, tuples);
            }
            for (boolean rows = s.execute(); rows || s.getUpdateCount() != -1; rows = s.getMoreResults()) {
                if (!rows) continue;
                try (var rs = s.getResultSet()) {
                    var labels = labels(rs);
                    var read = new ArrayList<Object[]>();
                    while (rs.next()) {
                        var row = new Object[labels.size()];
                        for (int c = 0; c < row.length; c++) row[c] = rs.getObject(c + 1);
                        read.add(row);
                    }
                    results.add(new Result(labels, read));
                }
            }
        }
        if (results.size() != texts.size()) {
            throw new SQLException("expected " + texts.size() + " results, got " + results.size());
        }
        return results;
    }

    static List<String> labels(ResultSet rs) throws SQLException {
        var meta = rs.getMetaData();
        var labels = new ArrayList<String>(meta.getColumnCount());
        for (int i = 1; i <= meta.getColumnCount(); i++) labels.add(meta.getColumnLabel(i));
        return labels;
    }

    /** Runs the statements in order, in the caller's transaction. */
    static void run(Connection connection, List<Applier.Bound> statements) throws SQLException {
        if (statements.isEmpty()) {
            return;
        }
        var text = statements.stream().map(Applier.Bound::text).collect(Collectors.joining(";\n"));
        try (var s = connection.prepareStatement(text)) {
            int i = 1;
            for (var statement : statements) {
                i = statement.bind(s, i);
            }
            for (boolean rows = s.execute(); rows || s.getUpdateCount() != -1; rows = s.getMoreResults()) {
                // every result is an update count; reading them all surfaces an error in any statement
            }
        }
    }
}
