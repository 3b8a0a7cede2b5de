package ca.gardien.requests;

import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What was found or done in a system, entered by staff or by a connector; {@link RequestTasks#complete} refuses records
 * that break {@link TaskFindings#errors}.
 *
 * @param outcome {@code FOUND}, {@code NOT_FOUND} or {@code DONE} (a change carried out)
 * @param records the information found, grouped by PI category, for the access package; {@code source} is
 *     {@code person} when it was collected from the person (only those go into a portability package). A null record
 *     is kept so that the rules name it ({@code records[2]}) rather than refuse the whole body unnamed.
 */
public record TaskResult(String outcome, String note, List<FoundRecord> records) {

    /**
     * One record: a category, its source and field/value pairs. Null {@code fields} read as none, so that a record
     * stored before the rules (null fields) still reads on the request page, in the letter and in the package.
     */
    public record FoundRecord(String category, String source, Map<String, String> fields) {

        public FoundRecord {
            fields = fields == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(fields));
        }

        @Override
        public String toString() {
            return "FoundRecord[" + category + "]";
        }
    }

    public TaskResult {
        records = records == null ? List.of() : Collections.unmodifiableList(new ArrayList<>(records));
    }

    @Override
    public String toString() {
        return "TaskResult[" + outcome + ", " + records.size() + " records]";
    }
}
