package ca.gardien.console;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import org.springframework.context.MessageSource;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * What the officer typed in an incident form, read field by field: dates from date inputs, a moment from a date and a
 * time in the organization's zone, numbers. A value that does not read is a field error named after its field, in the
 * page's language, gathered with the service's own refusals so that every error shows next to its field at once.
 */
final class IncidentInput {

    private final Map<String, String> typed;
    private final List<FieldError> errors = new ArrayList<>();

    IncidentInput(Map<String, String> typed) {
        this.typed = typed;
    }

    /** The typed values, first value of each parameter, for the page to show again. */
    static Map<String, String> typed(Map<String, String[]> parameters) {
        var typed = new LinkedHashMap<String, String>();
        parameters.forEach((name, values) -> {
            if (!name.startsWith("_") && values.length > 0) {
                typed.put(name, values[0]);
            }
        });
        return typed;
    }

    String text(String field) {
        var value = typed.get(field);
        return value == null || value.isBlank() ? null : value;
    }

    boolean checked(String field) {
        return "true".equals(typed.get(field)) || "on".equals(typed.get(field));
    }

    LocalDate date(String field) {
        var value = text(field);
        try {
            return value == null ? null : LocalDate.parse(value.strip());
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "incidents.page.bad-date"));
            return null;
        }
    }

    /**
     * A moment typed as a date and a time in the organization's zone; the time is asked for (officer's re-walk: an
     * empty time was taken as midnight, and the hours since awareness were counted from a time nobody gave).
     */
    OffsetDateTime moment(String dateField, String timeField, ZoneId zone) {
        var day = date(dateField);
        var time = text(timeField);
        if (day == null) {
            return null;
        }
        if (time == null) {
            errors.add(FieldError.of(timeField, "incidents.page.time-required"));
            return null;
        }
        try {
            var at = LocalTime.parse(time.strip());
            return day.atTime(at).atZone(zone).toOffsetDateTime();
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(timeField, "incidents.page.bad-time"));
            return null;
        }
    }

    /** A moment typed in a date-time field ({@code 2026-11-18T09:30}) in the organization's zone. */
    java.time.Instant localMoment(String field, ZoneId zone) {
        var value = text(field);
        try {
            return value == null
                    ? null
                    : java.time.LocalDateTime.parse(value.strip()).atZone(zone).toInstant();
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of(field, "incidents.page.bad-moment"));
            return null;
        }
    }

    /** The non-blank lines of a text area, each stripped; null when there are none. */
    List<String> lines(String field) {
        var value = text(field);
        if (value == null) {
            return null;
        }
        var lines = value.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.isEmpty() ? null : lines;
    }

    Long number(String field) {
        var value = text(field);
        if (value == null) {
            return null;
        }
        // ASCII digits only, as the API reads them (Long.valueOf took "٥" and "７": attacker's re-check); 19 of them
        // may still overflow, which is the same refusal
        var digits = value.strip();
        try {
            if (digits.matches("-?[0-9]{1,19}")) {
                return Long.valueOf(digits);
            }
        } catch (NumberFormatException e) {
            // beyond a long: refused below
        }
        errors.add(FieldError.of(field, "incidents.page.bad-number"));
        return null;
    }

    /**
     * Runs a step of an entry's page through {@link FormSteps}: back to the form's anchor, done, or to the error summary,
     * refused with the form's typed values and its errors by field (labels {@code incidents.field.*}), the entry
     * unchanged.
     */
    static String step(
            UUID id,
            String form,
            HttpServletRequest request,
            RedirectAttributes flash,
            Function<IncidentInput, ?> step) {
        return step(id, form, form, request, flash, step);
    }

    /** {@link #step} saying {@code incidents.done.<said>} once done (a form named by its row, "done-<id>"). */
    static String step(
            UUID id,
            String form,
            String said,
            HttpServletRequest request,
            RedirectAttributes flash,
            Function<IncidentInput, ?> step) {
        var typed = typed(request.getParameterMap());
        return FormSteps.at("/console/incidents/" + id)
                .form("typed", form, typed)
                .labelPrefix("incidents.field.")
                .doneAt("#" + form)
                // at the summary, which takes the focus and links to each field (officer's review: the page opened at
                // the form with the summary out of sight at the top)
                .refusedAt("#refused")
                .run(flash, () -> step.apply(new IncidentInput(typed)), said);
    }

    /** Refuses with every reading error at once; call before handing the values to the service. */
    void check() {
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
    }

    /**
     * Refuses with every reading error and, with them, the service's own mistakes in what could be read (officer's
     * review: a form refused for its missing time came back with its other mistakes only on the second try). A field
     * that could not be read is left to its reading error: the service would call it missing.
     */
    void check(java.util.function.Supplier<List<FieldError>> serviceMistakes) {
        if (errors.isEmpty()) {
            return;
        }
        var unread = new java.util.HashSet<String>();
        errors.forEach(e -> unread.add(e.field()));
        if (unread.contains("awareOn") || unread.contains("awareTime")) {
            unread.add("awareAt");
        }
        if (unread.contains("personsCount")) {
            unread.add("personsInQuebec"); // "in Québec without a total" when the total was typed unreadably
        }
        var all = new ArrayList<>(errors);
        serviceMistakes.get().stream().filter(e -> !unread.contains(e.field())).forEach(all::add);
        throw new InvalidInputException(all);
    }

    /**
     * The refusal as messages by form field, in the page's language, listed in the form's order (the fields as
     * submitted; one it did not send after them): the service's field names are the form's, except {@code awareAt},
     * typed as a date and a time, and list items ({@code systems[0]}), shown by their list. The new-entry page shows it
     * in the same request; an entry's steps go through {@link FormSteps}.
     */
    static Map<String, String> errors(RuntimeException e, MessageSource messages, Locale locale, List<String> order) {
        var out = new LinkedHashMap<String, String>();
        if (e instanceof InvalidInputException invalid) {
            invalid.errors().stream()
                    .sorted(java.util.Comparator.comparingInt(f -> place(order, formField(f.field()))))
                    .forEach(f -> out.putIfAbsent(
                            formField(f.field()), f.inForm(messages, locale).message()));
        } else if (e instanceof ConflictException conflict) {
            out.put("form", conflict.in(messages, locale));
        }
        return out;
    }

    /** A field's place in the form; one the form did not send comes after those it sent. */
    private static int place(List<String> order, String field) {
        var at = order.indexOf(field);
        return at < 0 ? order.size() : at;
    }

    private static String formField(String field) {
        var bracket = field.indexOf('[');
        var name = bracket < 0 ? field : field.substring(0, bracket);
        return "awareAt".equals(name) ? "awareOn" : name;
    }
}
