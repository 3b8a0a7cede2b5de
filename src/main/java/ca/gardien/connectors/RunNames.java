package ca.gardien.connectors;

import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.HashMap;
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
        var found = new HashMap<UUID, ConnectorRunName>();
        if (!ids.isEmpty()) {
            jdbc.sql("SELECT id, connector_id, created_at FROM connectors_run WHERE id IN (:ids)")
                    .param("ids", ids.stream().map(UUID::toString).toList())
                    .query((rs, n) -> found.put(
                            UUID.fromString(rs.getString("id")),
                            new ConnectorRunName(
                                    rs.getString("connector_id"),
                                    rs.getObject("created_at", OffsetDateTime.class)
                                            .toInstant())))
                    .list();
        }
        return found;
    }
}
