package ca.gardien.connectors;

import ca.gardien.connectors.spi.ConnectionCheck;
import ca.gardien.shared.Actor;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.modulith.NamedInterface;
import org.springframework.stereotype.Service;

/**
 * Connectors as the console shows and registers them: the list, one connector with its discovered schema, a
 * connection test, the plan for a sample identity, and the registration of a database connector.
 */
@Service
@NamedInterface({"views", "actions"})
public class ConnectorDesk {

    private final ConnectorCatalog catalog;
    private final ConnectorRuns runs;
    private final RunNames runNames;

    ConnectorDesk(ConnectorCatalog catalog, ConnectorRuns runs, RunNames runNames) {
        this.catalog = catalog;
        this.runs = runs;
        this.runNames = runNames;
    }

    /** The connector and start of each of these runs that exists, by id; one query. */
    public Map<java.util.UUID, ConnectorRunName> runNames(java.util.Collection<java.util.UUID> ids) {
        return runNames.of(ids);
    }

    public List<ConnectorView> list() {
        return catalog.list();
    }

    /** The connector; a not-found exception for an unknown id. */
    public ConnectorView view(String id) {
        return catalog.view(id);
    }

    /** The schema discovered last (or now, when there is none yet); refused when a rule refuses its address. */
    public DatabaseSchema schema(String id, Actor actor) {
        return catalog.schema(id, false, actor);
    }

    public ConnectionCheck test(String id, Actor actor) {
        return catalog.test(id, actor);
    }

    /**
     * What a run would do for one sample identity, without touching anything: an erasure unless another action is
     * named (an unknown name is refused naming {@code action}).
     */
    public ConnectorPlan plan(String id, String action, String kind, String value) {
        var run = action == null || action.isBlank() ? RunAction.ERASE : RunAction.of(action);
        return runs.plan(id, new RunRequest(run, Map.of(kind, value), null));
    }

    /** Registers a database connector; the password is sealed by the catalog and never sent back. */
    public void registerJdbc(String id, String url, String username, String password, Actor actor) {
        catalog.register(new ConnectorRegistration(id, "jdbc", url, username, password, null), actor);
    }

    /** The column names of each discovered table, in order; null without a schema. */
    public static Map<String, List<String>> columnsByTable(DatabaseSchema schema) {
        if (schema == null) {
            return null;
        }
        var tables = new LinkedHashMap<String, List<String>>();
        schema.tables()
                .forEach(t -> tables.put(
                        t.name(),
                        t.columns().stream().map(DatabaseSchema.Column::name).toList()));
        return tables;
    }
}
