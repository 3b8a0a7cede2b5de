package ca.gardien.connectors.packages;

import ca.gardien.connectors.runs.RunStore;
import ca.gardien.connectors.tasks.TaskRunResults;
import ca.gardien.requests.TaskResult;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonToken;

/**
 * Reads the records of an export package one at a time (never the whole file at once) into the records of a request
 * task, up to a limit: a package with more rows than that is not cut short, it is left to staff.
 */
public final class PackageRecords {

    private PackageRecords() {}

    /** The task records of the package's rows, or empty if it holds more than {@code limit} rows. */
    public static Optional<List<TaskResult.FoundRecord>> read(InputStream in, int limit) {
        var records = new ArrayList<TaskResult.FoundRecord>();
        try (var parser = RunStore.JSON.createParser(in)) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new IllegalStateException("not an export package");
            }
            while (parser.nextToken() == JsonToken.PROPERTY_NAME) {
                var name = parser.currentName();
                parser.nextToken();
                if (!"records".equals(name)) {
                    parser.skipChildren();
                    continue;
                }
                int rows = 0;
                while (parser.nextToken() == JsonToken.START_OBJECT) {
                    if (++rows > limit) {
                        return Optional.empty();
                    }
                    records.addAll(TaskRunResults.records(parser.readValueAsTree()));
                }
            }
        }
        return Optional.of(records);
    }
}
