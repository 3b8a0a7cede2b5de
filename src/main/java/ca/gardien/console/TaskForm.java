package ca.gardien.console;

import ca.gardien.requests.TaskFindings;
import ca.gardien.shared.FormSteps;
import jakarta.servlet.http.HttpServletRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A task's form on the request page as it was sent: its outcome, note and rows of what was found (category, source,
 * field, value), read as typed (a comma is no separator), and the same values by field name for the form shown again
 * ({@code taskForm}: {@code category-1}, …, and {@code rows}, how many rows the form shows).
 */
record TaskForm(Map<String, String> typed, List<TaskFindings.Row> rows) {

    /** The flash attribute the typed values come back under. */
    static final String NAME = "taskForm";

    static TaskForm read(UUID task, String outcome, String note, HttpServletRequest form) {
        var categories = form.getParameterValues("category");
        var sources = form.getParameterValues("source");
        var fields = form.getParameterValues("field");
        var values = form.getParameterValues("value");
        var typed = FormSteps.typed("task", task.toString(), "outcome", outcome, "note", note);
        var rows = new ArrayList<TaskFindings.Row>();
        int count = Math.max(Math.max(size(categories), size(sources)), Math.max(size(fields), size(values)));
        for (int i = 0; i < count; i++) {
            var row = new TaskFindings.Row(at(categories, i), at(sources, i), at(fields, i), at(values, i));
            rows.add(row);
            if (i >= TaskFindings.MAX_ROWS) {
                continue; // refused whole; the form shows no more rows than it offers
            }
            typed.putAll(FormSteps.typed(
                    "category-" + (i + 1), row.category(),
                    "source-" + (i + 1), row.source(),
                    "field-" + (i + 1), row.field(),
                    "value-" + (i + 1), row.value()));
        }
        typed.put("rows", String.valueOf(Math.clamp(count, RequestPage.FOUND_ROWS, TaskFindings.MAX_ROWS)));
        return new TaskForm(typed, List.copyOf(rows));
    }

    /** The same form with {@code more} rows than it had, up to the limit: nothing typed is lost. */
    TaskForm withMoreRows(int more) {
        int shown = Integer.parseInt(typed.get("rows"));
        typed.put("rows", String.valueOf(Math.min(shown + more, TaskFindings.MAX_ROWS)));
        return this;
    }

    private static int size(String[] values) {
        return values == null ? 0 : values.length;
    }

    private static String at(String[] values, int i) {
        return values == null || i >= values.length ? null : values[i];
    }
}
