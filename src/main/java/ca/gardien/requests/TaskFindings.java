package ca.gardien.requests;

import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What staff found by hand in a system without a connector, typed as rows of category, source, field and value, turned
 * into the same {@link TaskResult.FoundRecord records} a connector's export gives: rows of the same category and source
 * make one record. A row left empty is ignored; a row without category or source takes those of the row above. Each
 * error names its row's field ({@code category-2}, {@code field-2}, {@code value-2}, {@code source-2}, counted from 1)
 * and never echoes the value.
 *
 * <p>The same limits hold for records given whole, by the API or a connector ({@link #errors}), with two differences
 * that keep a connector's export valid: a task holds up to {@link #MAX_RECORDS} records (an export of up to the
 * connectors' default 10,000 rows makes at most two records a row, one {@code person} and one {@code organization}), and
 * a value may be empty or longer than {@link #MAX_VALUE} (a database cell exported as it is, whole: the person is owed
 * all of it), as long as all the records fit their column ({@link #MAX_STORED}). Typed rows keep the form's limits.
 */
public final class TaskFindings {

    /** At most this many rows at once. */
    public static final int MAX_ROWS = 50;

    static final int MAX_NAME = 200;
    static final int MAX_VALUE = 4000;
    static final Set<String> SOURCES = Set.of("person", "organization");

    /** At most this many records in one task: twice the connectors' default row limit ({@code task-record-limit}). */
    public static final int MAX_RECORDS = 20_000;

    /** The records of one task as JSON take at most this many characters ({@code requests_task.records}). */
    public static final int MAX_STORED = 1_000_000;

    /** At most this many errors named at once (a body of thousands of bad records is not echoed thousands of times). */
    static final int MAX_ERRORS = 100;

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
            name("category-" + n, category, errors);
            if (!source(source)) {
                errors.add(FieldError.of("source-" + n, "requests.field.found-source"));
            }
            name("field-" + n, field, errors);
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

    /**
     * What is wrong with records given whole (the API's body, a connector's export), each error named by its path:
     * {@code records} (more than {@link #MAX_RECORDS}), {@code records[2]} (null), {@code records[2].category},
     * {@code records[2].source}, {@code records[2].fields} (none, or one without a name, with a name longer than
     * {@link #MAX_NAME} or without a value); at most {@link #MAX_ERRORS}, never echoing a value. Empty when valid.
     */
    static List<FieldError> errors(List<TaskResult.FoundRecord> records) {
        if (records.size() > MAX_RECORDS) {
            return List.of(FieldError.of("records", "requests.field.found-records", MAX_RECORDS));
        }
        var errors = new ArrayList<FieldError>();
        for (int i = 0; i < records.size() && errors.size() < MAX_ERRORS; i++) {
            var at = "records[" + i + "]";
            var record = records.get(i);
            if (record == null) {
                errors.add(FieldError.of(at, "shared.field.required"));
                continue;
            }
            name(at + ".category", record.category(), errors);
            if (!source(record.source())) {
                errors.add(FieldError.of(at + ".source", FieldError.ONE_OF, List.copyOf(new TreeSet<>(SOURCES))));
            }
            if (record.fields().isEmpty()
                    || record.fields().entrySet().stream()
                            .anyMatch(
                                    f -> blank(f.getKey()) || f.getKey().length() > MAX_NAME || f.getValue() == null)) {
                errors.add(FieldError.of(at + ".fields", "requests.field.found-fields", MAX_NAME));
            }
        }
        return errors.size() > MAX_ERRORS ? List.copyOf(errors.subList(0, MAX_ERRORS)) : errors;
    }

    /** A category's or field's name: required, at most {@link #MAX_NAME} characters. */
    private static void name(String field, String name, List<FieldError> errors) {
        if (blank(name)) {
            errors.add(FieldError.of(field, "shared.field.required"));
        } else if (name.length() > MAX_NAME) {
            errors.add(FieldError.of(field, "shared.field.too-long", MAX_NAME));
        }
    }

    private static boolean source(String source) {
        return source != null && SOURCES.contains(source);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }
}
