package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.ConnectorMessages;
import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.spi.Capability;
import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.connectors.spi.Connector;
import ca.gardien.connectors.spi.ConnectorFactory;
import ca.gardien.connectors.spi.ConnectorSettings;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.Phrase;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * Connectors to the database products that {@link JdbcTargets} allows (PostgreSQL, MariaDB/MySQL, an operator's, H2
 * when enabled); every physical connection passes the same check again ({@link CheckedDriverDataSource}).
 */
@Component
public class JdbcConnectorFactory implements ConnectorFactory {

    private final ConnectorsProperties properties;
    private final JdbcTargets targets;
    private final ConnectorMessages messages;

    public JdbcConnectorFactory(ConnectorsProperties properties, JdbcTargets targets, ConnectorMessages messages) {
        this.properties = properties;
        this.targets = targets;
        this.messages = messages;
    }

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public List<FieldError> problems(ConnectorSettings settings) {
        return targets.refusals(settings.url()).stream()
                .map(r -> messages.field("url", r))
                .toList();
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        var config = new HikariConfig();
        config.setPoolName("connector-" + settings.id());
        config.setDataSource(
                new CheckedDriverDataSource(settings.url(), settings.username(), settings.secret(), targets::refusals));
        config.setMaximumPoolSize(properties.poolSize());
        config.setMinimumIdle(0);
        config.setIdleTimeout(30_000); // runs are rare: do not hold connections to the organization's databases
        config.setInitializationFailTimeout(-1); // a database that is down now may be up when a run starts
        config.setConnectionTimeout(properties.connectTimeout().toMillis());
        return new Jdbc(settings.id(), new HikariDataSource(config), messages, properties.connectTimeout());
    }

    /**
     * Why a connection test failed, in words that do not tell a closed port from a silent host or another service
     * (every lost or refused connection, SQL class 08, reads the same): a test must not map the network around the
     * database. Past the connection, the database's own answer is said: credentials refused, or its SQL state.
     */
    static String failure(SQLException e, ConnectorMessages messages) {
        var state = e.getSQLState() == null ? "" : e.getSQLState();
        if (state.isEmpty() || state.startsWith("08") || state.startsWith("57P0")) {
            return messages.text(Phrase.of("connectors.check.unreachable"));
        }
        if (state.startsWith("28")) {
            return messages.text(Phrase.of("connectors.check.credentials"));
        }
        return messages.text(Phrase.of("connectors.check.refused", state.replaceAll("[^0-9A-Za-z]", "")));
    }

    /** Where connection tests make their one attempt: a hung driver does not hold a request thread past the deadline. */
    private static final java.util.concurrent.ExecutorService ATTEMPTS =
            java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor();

    private record Jdbc(String id, HikariDataSource pool, ConnectorMessages messages, java.time.Duration timeout)
            implements JdbcConnector {

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        /**
         * One physical attempt, not the pool's: the pool retries until its timeout, and a wrong password tried ten
         * times can lock the account in the organization's database (attacker's review: ten "access denied" lines per
         * test). Every failure answers at the deadline, so the time taken does not tell a closed port from a silent
         * host either.
         */
        @Override
        public ConnectionCheck check() {
            long deadline = System.nanoTime() + timeout.toNanos();
            var attempt = ATTEMPTS.submit(this::once);
            ConnectionCheck result;
            try {
                var outcome = attempt.get(timeout.toNanos(), java.util.concurrent.TimeUnit.NANOSECONDS);
                // worded here, in the caller's language (the attempt's thread has none)
                result = outcome instanceof SQLException e
                        ? ConnectionCheck.failed(failure(e, messages))
                        : (ConnectionCheck) outcome;
            } catch (java.util.concurrent.TimeoutException | java.util.concurrent.ExecutionException e) {
                attempt.cancel(true);
                result = ConnectionCheck.failed(messages.text(Phrase.of("connectors.check.unreachable")));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return ConnectionCheck.failed(messages.text(Phrase.of("connectors.check.unreachable")));
            }
            for (long left = deadline - System.nanoTime();
                    !result.ok() && left > 0;
                    left = deadline - System.nanoTime()) {
                java.util.concurrent.locks.LockSupport.parkNanos(left);
            }
            return result;
        }

        /** The database's product and version, or why it did not connect (never the driver's message). */
        private Object once() {
            try (var connection = pool.getDataSource().getConnection()) {
                var meta = connection.getMetaData();
                return ConnectionCheck.ok(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
            } catch (SQLException e) {
                return e;
            }
        }

        @Override
        public DataSource dataSource() {
            return pool;
        }

        @Override
        public void close() {
            pool.close();
        }
    }
}
