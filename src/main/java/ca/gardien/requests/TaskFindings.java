package ca.gardien.requests;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What staff found by hand in a system without a connector, typed as rows of category, source, field and value, turned
 * into the same {@link TaskResult.FoundRecord records} a connector's export gives: rows of the same category and source
 * make one record. A row left empty is ignored; a row without category or source takes those of the row above. Each
 * error names its row's field ({@code category-2}, {@code field-2}, {@code value-2}, {@code source-2}, counted from 1)
 * and never echoes the value.
 */
public final class TaskFindings {

    /** At most this many rows at once. */
    public static final int MAX_ROWS = 50;

    static final int MAX_NAME = 200;
    static final int MAX_VALUE = 4000;
    static final Set<String> SOURCES = Set.of("person", "organization");

    /** One typed row; blank parts are null or empty. */
    public record Row(String category, String source, String field, String value) {

        boolean empty() {
            return blank(category) && blank(field) && blank(value);
        }

        @Override
        public String toString() {
            return "Row"; // never the values typed
        }
    }

    private TaskFindings() {}

    /**
     * The records of the typed rows, in the order typed.
     *
     * @throws InvalidInputException naming every bad field of every row at once
     */
    public static List<TaskResult.FoundRecord> records(List<Row> rows) {
        var errors = new ArrayList<FieldError>();
        if (rows.size() > MAX_ROWS) {
            throw new InvalidInputException("category-" + (MAX_ROWS + 1), "requests.field.found-rows", MAX_ROWS);
        }
        var records = new LinkedHashMap<List<String>, Map<String, String>>();
        String category = null;
        String source = null;
        for (int i = 0; i < rows.size(); i++) {
            var row = rows.get(i);
            if (row == null || row.empty()) {
                continue;
            }
            int n = i + 1;
            category = blank(row.category()) ? category : row.category().strip();
            source = blank(row.source()) ? source : row.source().strip();
            var field = blank(row.field()) ? null : row.field().strip();
            var value = blank(row.value()) ? null : row.value().strip();
            int before = errors.size();
            if (category == null) {
                errors.add(FieldError.of("category-" + n, "shared.field.required"));
            } else if (category.length() > MAX_NAME) {
                errors.add(FieldError.of("category-" + n, "shared.field.too-long", MAX_NAME));
            }
            if (source == null || !SOURCES.contains(source)) {
                errors.add(FieldError.of("source-" + n, "requests.field.found-source"));
            }
            if (field == null) {
                errors.add(FieldError.of("field-" + n, "shared.field.required"));
            } else if (field.length() > MAX_NAME) {
                errors.add(FieldError.of("field-" + n, "shared.field.too-long", MAX_NAME));
            }
            if (value == null) {
                errors.add(FieldError.of("value-" + n, "shared.field.required"));
            } else if (value.length() > MAX_VALUE) {
                errors.add(FieldError.of("value-" + n, "shared.field.too-long", MAX_VALUE));
            }
            if (errors.size() > before) {
                continue;
            }
            var fields = records.computeIfAbsent(List.of(category, source), k -> new LinkedHashMap<>());
            if (fields.putIfAbsent(field, value) != null) {
                errors.add(FieldError.of("field-" + n, "requests.field.found-duplicate"));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        return records.entrySet().stream()
                .map(e -> new TaskResult.FoundRecord(
                        e.getKey().get(0), e.getKey().get(1), Collections.unmodifiableMap(e.getValue())))
                .toList();
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
