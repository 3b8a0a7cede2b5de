package ca.gardien.connectors;

import ca.gardien.connectors.spi.JdbcConnector;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.InvalidInputException;
import org.springframework.stereotype.Component;

/** The reference graph of a database connector: its schema with the annotations of the data map's dataset. */
@Component
class DatasetGraphs {

    private final ConnectorCatalog catalog;
    private final Inventory inventory;

    DatasetGraphs(ConnectorCatalog catalog, Inventory inventory) {
        this.catalog = catalog;
        this.inventory = inventory;
    }

    ReferenceGraph graph(String connectorId) {
        if (!(catalog.connector(connectorId) instanceof JdbcConnector)) {
            throw new InvalidInputException("id", "is not a database connector");
        }
        var dataset = inventory.current().datasets().stream()
                .filter(d -> d.id().equals(connectorId))
                .findFirst()
                .orElse(null);
        return ReferenceGraph.of(catalog.schema(connectorId, false), dataset);
    }
}
