package ca.gardien.connectors.engine;

import ca.gardien.connectors.RectifyChange;
import ca.gardien.connectors.RunAction;
import ca.gardien.connectors.SecretBox;
import ca.gardien.connectors.Step;
import ca.gardien.connectors.runs.RunKeyStore;
import ca.gardien.shared.Digests;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Evidence of a rectification without the values: per changed column, a digest of the keyed hashes of the old values
 * (read before anything changes) and the keyed hash of the new value. Whoever holds the connectors key can check a
 * claimed old or new value against them; nobody else learns it.
 */
final class RectificationEvidence {

    private RectificationEvidence() {}

    /** Reads the old values on the caller's connection (the run's collecting transaction). */
    static Map<String, String> old(
            Connection connection,
            ReferenceGraph graph,
            StepExecution.Keys source,
            List<Step> steps,
            SecretBox box,
            int batch)
            throws SQLException {
        var payload = new HashMap<String, String>();
        var sql = new Sql(graph.schema().quote());
        for (var step : steps) {
            if (!RunAction.RECTIFY.name().equals(step.kind())) continue;
            var table = graph.table(step.table());
            var column = step.columns().getFirst();
            var hashes = new ArrayList<String>();
            long cursor = 0;
            for (var keys = source.keys(step.slot(), cursor, batch);
                    !keys.isEmpty();
                    keys = source.keys(step.slot(), cursor, batch)) {
                cursor = keys.getLast().seq();
                var text = "SELECT " + sql.name(column) + " FROM " + sql.name(table.name()) + " WHERE "
                        + sql.matching(table.primaryKey(), keys.size());
                try (var s = connection.prepareStatement(text)) {
                    Sql.bind(s, 1, keys.stream().map(RunKeyStore.Key::values).toList());
                    try (var rs = s.executeQuery()) {
                        while (rs.next()) {
                            var v = rs.getString(1);
                            hashes.add(v == null ? "null" : box.keyedHash(v));
                        }
                    }
                }
            }
            Collections.sort(hashes);
            payload.put(
                    "old." + table.name() + "." + column,
                    Digests.sha256Hex(String.join("\n", hashes).getBytes(StandardCharsets.UTF_8)));
        }
        return payload;
    }

    static Map<String, String> fresh(ReferenceGraph graph, List<RectifyChange> changes, SecretBox box) {
        var payload = new HashMap<String, String>();
        for (var c : changes) {
            var table = graph.table(c.table());
            var column = table.column(c.column()).orElseThrow().name();
            payload.put(
                    "new." + table.name() + "." + column, c.newValue() == null ? "null" : box.keyedHash(c.newValue()));
        }
        return payload;
    }
}
