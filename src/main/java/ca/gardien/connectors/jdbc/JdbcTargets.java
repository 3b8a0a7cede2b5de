package ca.gardien.connectors.jdbc;

import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.Refusal;
import ca.gardien.connectors.TargetUnavailableException;
import ca.gardien.shared.OutboundAddresses;
import com.zaxxer.hikari.HikariDataSource;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import javax.sql.DataSource;
import org.springframework.stereotype.Component;

/**
 * The {@link JdbcPolicy} of this node: the products configured in {@code gardien.connectors.jdbc} (read at start, so a
 * bad operator product stops the start) and Gardien's own database, read from its connection pool when first needed.
 */
@Component
public class JdbcTargets {

    private final JdbcProducts products;
    private final DataSource gardien;
    private final ConnectorsProperties.Jdbc settings;
    private volatile JdbcPolicy policy;

    public JdbcTargets(ConnectorsProperties properties, DataSource gardien) {
        this.settings = properties.jdbc();
        this.products = new JdbcProducts(settings);
        this.gardien = gardien;
    }

    /** Why Gardien must not connect to this URL; empty when it may. */
    List<Refusal> refusals(String url) {
        return policy().refusals(url);
    }

    private JdbcPolicy policy() {
        var current = policy;
        if (current == null) {
            var ports = new HashMap<String, Integer>();
            settings.products().forEach((name, p) -> {
                if (p.urlPrefix() != null && p.urlPrefix().split(":").length > 1) {
                    ports.put(p.urlPrefix().split(":")[1], p.defaultPort());
                }
            });
            current = new JdbcPolicy(
                    products,
                    new OwnDatabase(ownUrl(), OwnDatabase.Hosts.SYSTEM, ports),
                    settings.allow().isEmpty() ? null : new OutboundAddresses(settings.allow()));
            policy = current;
        }
        return current;
    }

    /** The URL Gardien's own pool connects to; failing that, the one its driver reports. */
    private String ownUrl() {
        if (gardien instanceof HikariDataSource hikari && hikari.getJdbcUrl() != null) {
            return hikari.getJdbcUrl();
        }
        try (var connection = gardien.getConnection()) {
            return connection.getMetaData().getURL();
        } catch (SQLException e) {
            throw new TargetUnavailableException(e); // no connector is judged without knowing Gardien's own database
        }
    }
}
