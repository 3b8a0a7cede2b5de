package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.Refusal;
import java.io.PrintWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.SQLNonTransientConnectionException;
import java.util.Properties;
import java.util.function.Function;
import java.util.logging.Logger;
import javax.sql.DataSource;

/**
 * Opens each physical connection of a connector's pool through the driver, after the URL passed the policy again: a
 * connector registered before a rule existed, or whose host now resolves elsewhere, does not connect.
 */
final class CheckedDriverDataSource implements DataSource {

    private final String url;
    private final String user;
    private final String password;
    private final Function<String, java.util.List<Refusal>> policy;

    CheckedDriverDataSource(
            String url, String user, String password, Function<String, java.util.List<Refusal>> policy) {
        this.url = url;
        this.user = user;
        this.password = password;
        this.policy = policy;
    }

    @Override
    public Connection getConnection() throws SQLException {
        var refusals = policy.apply(url);
        if (!refusals.isEmpty()) {
            // SQL state 28000 (invalid authorization): never the URL, which may name hosts
            throw new SQLNonTransientConnectionException("connector address refused: " + refusals, "28000");
        }
        var properties = new Properties();
        if (user != null) {
            properties.setProperty("user", user);
        }
        if (password != null) {
            properties.setProperty("password", password);
        }
        var connection = DriverManager.getDriver(url).connect(url, properties);
        if (connection == null) {
            throw new SQLNonTransientConnectionException("no driver accepts the connector's URL", "08001");
        }
        return connection;
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        throw new SQLFeatureNotSupportedException("credentials are the connector's own");
    }

    @Override
    public PrintWriter getLogWriter() {
        return null;
    }

    @Override
    public void setLogWriter(PrintWriter out) {}

    @Override
    public void setLoginTimeout(int seconds) {}

    @Override
    public int getLoginTimeout() {
        return 0;
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        throw new SQLFeatureNotSupportedException();
    }

    @Override
    public <T> T unwrap(Class<T> iface) throws SQLException {
        if (iface.isInstance(this)) {
            return iface.cast(this);
        }
        throw new SQLException("not a wrapper of " + iface.getName());
    }

    @Override
    public boolean isWrapperFor(Class<?> iface) {
        return iface.isInstance(this);
    }
}
