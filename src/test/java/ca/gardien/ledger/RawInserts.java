package ca.gardien.ledger;

import ca.gardien.support.TimedLoad;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HexFormat;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.json.JsonMapper;

/**
 * The baseline of {@link LedgerAppendBenchmark}: what PostgreSQL does for a single-row autocommit INSERT of a row shaped
 * like a ledger entry (same columns, types, sizes, constraints and indexes), each worker on its own connection.
 */
final class RawInserts {

    private static final String PAYLOAD =
            JsonMapper.builder().build().writeValueAsString(LedgerAppendBenchmark.PAYLOAD);
    private final String url;
    private final AtomicLong sequence = new AtomicLong();

    RawInserts(String url) {
        this.url = url;
    }

    TimedLoad.Worker worker() {
        try {
            var connection = DriverManager.getConnection(url);
            connection.setAutoCommit(true);
            var insert = connection.prepareStatement("INSERT INTO bench_raw_entry (sequence, event_id, recorded_at,"
                    + " occurred_at, actor_kind, actor_id, action, object_type, object_id, payload, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)");
            return new Row(connection, insert, new SecureRandom());
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a baseline connection", e);
        }
    }

    private final class Row implements TimedLoad.Worker {
        private final Connection connection;
        private final PreparedStatement insert;
        private final SecureRandom random;
        private final byte[] bytes = new byte[32];

        Row(Connection connection, PreparedStatement insert, SecureRandom random) {
            this.connection = connection;
            this.insert = insert;
            this.random = random;
        }

        @Override
        public void once() throws SQLException {
            var now = OffsetDateTime.now(ZoneOffset.UTC);
            insert.setLong(1, sequence.incrementAndGet());
            insert.setObject(2, UUID.randomUUID());
            insert.setObject(3, now);
            insert.setObject(4, now);
            insert.setString(5, "ACCOUNT");
            insert.setString(6, UUID.randomUUID().toString());
            insert.setString(7, "consent.recorded");
            insert.setString(8, "consent");
            insert.setString(9, UUID.randomUUID().toString());
            insert.setString(10, PAYLOAD);
            insert.setString(11, hex());
            insert.setString(12, hex());
            insert.executeUpdate();
        }

        private String hex() {
            random.nextBytes(bytes);
            return HexFormat.of().formatHex(bytes);
        }

        @Override
        public void close() throws SQLException {
            insert.close();
            connection.close();
        }
    }
}
