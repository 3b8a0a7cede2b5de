package ca.gardien.connectors.engine;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;

/**
 * Runs the keyset queries of one hop of a walk, in order, and hands each one's rows to its reader; on PostgreSQL
 * several go in one round trip.
 */
final class KeysetQueries {

    /**
     * Queries sent in one round trip at most, and their bound values at most (the driver takes 65,535): with each query
     * cut at a batch and one row, this bounds the memory and keeps what is in flight small.
     */
    private static final int PIPELINE = 8;

    private static final int MAX_PARAMETERS = 16_000;

    /** A keyset query and what to do with its rows. */
    record Query(String text, List<List<Object>> values, Reader reader) {
        int parameters() {
            return values.isEmpty() ? 0 : values.size() * values.getFirst().size();
        }
    }

    interface Reader {
        void read(List<String> labels, Rows rows) throws SQLException;
    }

    /** Rows one at a time, {@code null} after the last. */
    interface Rows {
        Object[] next() throws SQLException;
    }

    private final Connection connection;
    private final int batch;
    private final boolean pipelined;

    KeysetQueries(Connection connection, int batch) throws SQLException {
        this.connection = connection;
        this.batch = batch;
        this.pipelined = StatementPipeline.supported(connection);
    }

    /**
     * Runs the queries in order. On PostgreSQL several go in one round trip, each cut at one row more than a batch:
     * memory stays bounded, and a query that reaches the cut is run again alone, streamed with a cursor.
     */
    void run(List<Query> queries) throws SQLException {
        if (!pipelined || queries.size() < 2) {
            for (var q : queries) stream(q);
            return;
        }
        int from = 0;
        while (from < queries.size()) {
            int to = from + 1, parameters = queries.get(from).parameters();
            while (to < queries.size()
                    && to - from < PIPELINE
                    && parameters + queries.get(to).parameters() <= MAX_PARAMETERS) {
                parameters += queries.get(to++).parameters();
            }
            var group = queries.subList(from, to);
            from = to;
            List<StatementPipeline.Result> results;
            try {
                results = StatementPipeline.query(
                        connection,
                        group.stream()
                                .map(q -> q.text() + " LIMIT " + (batch + 1))
                                .toList(),
                        group.stream().map(Query::values).toList());
            } catch (SQLException e) {
                connection.rollback(); // nothing is written while walking; the queries run again one by one
                for (var q : group) stream(q);
                continue;
            }
            for (int i = 0; i < group.size(); i++) {
                var result = results.get(i);
                if (result.rows().size() > batch) {
                    stream(group.get(i));
                } else {
                    var it = result.rows().iterator();
                    group.get(i).reader().read(result.labels(), () -> it.hasNext() ? it.next() : null);
                }
            }
        }
    }

    private void stream(Query q) throws SQLException {
        try (var statement = connection.prepareStatement(q.text())) {
            statement.setFetchSize(batch);
            Sql.bind(statement, 1, q.values());
            try (var rs = statement.executeQuery()) {
                var labels = StatementPipeline.labels(rs);
                int width = labels.size();
                q.reader().read(labels, () -> {
                    if (!rs.next()) return null;
                    var row = new Object[width];
                    for (int i = 0; i < width; i++) row[i] = rs.getObject(i + 1);
                    return row;
                });
            }
        }
    }
}
