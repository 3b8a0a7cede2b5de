package ca.gardien.connectors.engine;

import ca.gardien.connectors.ConnectorCatalog;
import ca.gardien.connectors.ConnectorPlan;
import ca.gardien.connectors.ConnectorsProperties;
import ca.gardien.connectors.RunRequest;
import ca.gardien.connectors.TargetUnavailableException;
import ca.gardien.connectors.spi.JdbcConnector;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import org.springframework.stereotype.Component;

/** Plans a run on a database connector: the tables reached, their join keys, the steps with exact row counts. */
@Component
public class RunPlans {

    private final ConnectorCatalog catalog;
    private final DatasetGraphs graphs;
    private final ConnectorsProperties properties;

    RunPlans(ConnectorCatalog catalog, DatasetGraphs graphs, ConnectorsProperties properties) {
        this.catalog = catalog;
        this.graphs = graphs;
        this.properties = properties;
    }

    /** What a run would do for this person, with the exact row counts; reads the target, changes nothing. */
    public ConnectorPlan plan(String connectorId, RunRequest request) {
        var graph = graphs.graph(connectorId);
        RunChecks.check(request, graph);
        var warnings = new ArrayList<>(graph.warnings());
        var steps = StepPlanner.plan(graph, request.action(), request.changes(), warnings);
        StepPlanner.indexWarnings(graph, warnings);
        var jdbc = (JdbcConnector) catalog.connector(connectorId);
        try (var connection = jdbc.dataSource().getConnection()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            var found = new Collector(graph, connection, properties.batchSize(), false, (t, l, r) -> {})
                    .collect(request.identities(), (edge, keys) -> {});
            connection.rollback();
            var reachable = graph.reachable();
            var counted = steps.stream()
                    .map(s -> s.withRows(DatabaseRuns.rows(found, reachable, s)))
                    .toList();
            var tables = reachable.stream()
                    .map(t -> new ConnectorPlan.TableReach(t, found.rows().getOrDefault(t, 0L), joinKeys(graph, t)))
                    .toList();
            return new ConnectorPlan(connectorId, request.action(), tables, counted, warnings);
        } catch (SQLException e) {
            throw new TargetUnavailableException(e);
        }
    }

    private static List<String> joinKeys(ReferenceGraph graph, String table) {
        return graph.edges().stream()
                .filter(e -> (e.child().equals(table) && graph.walksDown(e))
                        || (e.parent().equals(table) && graph.walksUp(e)))
                .map(ReferenceGraph.Edge::describe)
                .toList();
    }
}
