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
        return new Jdbc(settings.id(), new HikariDataSource(config));
    }

    private record Jdbc(String id, HikariDataSource pool) implements JdbcConnector {

        @Override
        public Set<Capability> capabilities() {
            return EnumSet.allOf(Capability.class);
        }

        @Override
        public ConnectionCheck check() {
            try (var connection = pool.getConnection()) {
                var meta = connection.getMetaData();
                return ConnectionCheck.ok(meta.getDatabaseProductName(), meta.getDatabaseProductVersion());
            } catch (SQLException e) {
                // The SQL state only: driver messages may quote the URL, the user name or a host.
                return ConnectionCheck.failed("cannot connect (SQL state " + e.getSQLState() + ")");
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
