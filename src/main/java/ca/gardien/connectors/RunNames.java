package ca.gardien.connectors;

import ca.gardien.shared.RowsById;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The connector and start of runs by id, in one query (the ledger page names a page's runs at once). */
@Repository
class RunNames {

    private final JdbcClient jdbc;

    RunNames(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    Map<UUID, ConnectorRunName> of(Collection<UUID> ids) {
        return RowsById.of(
                jdbc,
                "SELECT id, connector_id, created_at FROM connectors_run",
                ids.stream().map(UUID::toString).toList(),
                (rs, n) -> new ConnectorRunName(
                        rs.getString("connector_id"),
                        rs.getObject("created_at", OffsetDateTime.class).toInstant()));
    }
}
