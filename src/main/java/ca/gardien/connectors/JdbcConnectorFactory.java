package ca.gardien.connectors;

import ca.gardien.connectors.spi.Capability;
import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.connectors.spi.Connector;
import ca.gardien.connectors.spi.ConnectorFactory;
import ca.gardien.connectors.spi.ConnectorSettings;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.shared.FieldError;
import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/** Connectors to any database whose JDBC driver is on the class path (PostgreSQL, MariaDB/MySQL and H2 are). */
@Component
class JdbcConnectorFactory implements ConnectorFactory {

    private final ConnectorsProperties properties;

    JdbcConnectorFactory(ConnectorsProperties properties) {
        this.properties = properties;
    }

    @Override
    public String type() {
        return "jdbc";
    }

    @Override
    public List<FieldError> problems(ConnectorSettings settings) {
        var problems = new ArrayList<FieldError>();
        var url = settings.url();
        if (url == null || !url.startsWith("jdbc:") || url.length() > 2000) {
            problems.add(new FieldError("url", "must be a JDBC URL (jdbc:…) of at most 2000 characters"));
            return problems;
        }
        var lower = url.toLowerCase(Locale.ROOT);
        if (lower.contains("password=")) {
            problems.add(new FieldError("url", "must not carry the password; use the password field"));
        }
        if (lower.contains("init=") || lower.contains("runscript")) {
            problems.add(new FieldError("url", "must not run scripts at connection"));
        }
        try {
            DriverManager.getDriver(url);
        } catch (SQLException e) {
            problems.add(new FieldError("url", "no JDBC driver on the class path accepts this URL"));
        }
        return problems;
    }

    @Override
    public Connector create(ConnectorSettings settings) {
        var config = new HikariConfig();
        config.setPoolName("connector-" + settings.id());
        config.setJdbcUrl(settings.url());
        config.setUsername(settings.username());
        config.setPassword(settings.secret());
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
