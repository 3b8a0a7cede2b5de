package ca.gardien.connectors.engine;

import ca.gardien.connectors.ConnectorCatalog;
import ca.gardien.connectors.DatabaseSchema;
import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.InvalidInputException;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The reference graph of a database connector: its schema with the annotations of the data map's dataset. Built once
 * per node, data-map revision and schema read; a graph is read-only once built, so runs share it.
 */
@Component
public class DatasetGraphs {

    private final ConnectorCatalog catalog;
    private final Inventory inventory;
    private final Map<String, Built> built = new ConcurrentHashMap<>();

    DatasetGraphs(ConnectorCatalog catalog, Inventory inventory) {
        this.catalog = catalog;
        this.inventory = inventory;
    }

    public ReferenceGraph graph(String connectorId) {
        if (!(catalog.connector(connectorId) instanceof JdbcConnector)) {
            throw new InvalidInputException("id", "connectors.field.not-database");
        }
        long revision = inventory.revision();
        var schema = catalog.schema(connectorId, false);
        var last = built.get(connectorId);
        if (last != null && last.revision() == revision && last.schema() == schema) {
            return last.graph();
        }
        var dataset = inventory.current().datasets().stream()
                .filter(d -> d.id().equals(connectorId))
                .findFirst()
                .orElse(null);
        var graph = ReferenceGraph.of(schema, dataset);
        built.put(connectorId, new Built(revision, schema, graph));
        return graph;
    }

    private record Built(long revision, DatabaseSchema schema, ReferenceGraph graph) {}
}
