package ca.gardien.requests;

import java.util.List;
import java.util.Map;

/**
 * What was found or done in a system, entered by staff or by a connector.
 *
 * @param outcome {@code FOUND}, {@code NOT_FOUND} or {@code DONE} (a change carried out)
 * @param records the information found, grouped by PI category, for the access package; {@code source} is
 *     {@code person} when it was collected from the person (only those go into a portability package)
 */
public record TaskResult(String outcome, String note, List<FoundRecord> records) {

    public record FoundRecord(String category, String source, Map<String, String> fields) {
        @Override
        public String toString() {
            return "FoundRecord[" + category + "]";
        }
    }

    public TaskResult {
        records = records == null ? List.of() : List.copyOf(records);
    }

    @Override
    public String toString() {
        return "TaskResult[" + outcome + ", " + records.size() + " records]";
    }
}
