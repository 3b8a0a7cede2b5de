package ca.gardien.console;

import ca.gardien.requests.RequestRefusal;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.MessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * Runs one step from the console ({@code ConsoleSteps.request(id).run(flash, step)}) and comes back to its page, with
 * the refusal when there is one. A form given by name comes back with what was typed and the error of each field it
 * names ({@code fieldErrors}: the field's message, or empty when the field is required).
 */
final class ConsoleSteps {

    private ConsoleSteps() {}

    /** A step of a request's page. */
    static Step request(UUID id) {
        return at("/console/requests/" + id);
    }

    /** A step of another page ({@code page}: where to come back, done or refused, with its anchor if any). */
    static Step at(String page) {
        return new Step(page, "", "", null, Map.of(), Map.of());
    }

    /**
     * Where a step comes back to and, when it is refused, the form that comes back with what was typed.
     *
     * @param done the anchor of the page a step that went through comes back to (empty: the top)
     * @param refused the anchor a refused step comes back to (empty: the top, where the page's summary is)
     * @param formName the flash attribute the typed values come back under (null: no form to fill again)
     * @param typed what was typed, by field name
     * @param labels the message key of a field's visible label, for a field whose {@code form.field.*} is not what the
     *     page shows
     */
    record Step(
            String page,
            String done,
            String refused,
            String formName,
            Map<String, String> typed,
            Map<String, String> labels) {

        Step form(String name, Map<String, String> values) {
            return new Step(page, done, refused, name, values, labels);
        }

        Step labels(Map<String, String> fieldLabels) {
            return new Step(page, done, refused, formName, typed, fieldLabels);
        }

        /** Comes back to {@code anchor} once done (the card of a task finished among others, not the page's top). */
        Step doneAt(String anchor) {
            return new Step(page, anchor, refused, formName, typed, labels);
        }

        /**
         * Comes back to {@code anchor} when refused too: a form among many on a long page (a gap of the data map) has
         * its errors by it, out of view from the top.
         */
        Step refusedAt(String anchor) {
            return new Step(page, done, anchor, formName, typed, labels);
        }

        /** Runs the step: back to the page saying it is done, or with the refusal. */
        String run(RedirectAttributes flash, Runnable step) {
            return run(flash, step, true);
        }

        /** {@link #run(RedirectAttributes, Runnable)} with what the page says once it is done ({@code done}). */
        String run(RedirectAttributes flash, Runnable step, Object saying) {
            if (attempt(flash, step)) {
                flash.addFlashAttribute("done", saying);
                return "redirect:" + page + done;
            }
            return "redirect:" + page + refused;
        }

        /**
         * Shows what a step would do without doing it (a letter's preview): back to the page at {@code anchor} with
         * the preview under {@code attribute} and the form as typed, or with the refusal as {@link #run} would.
         */
        String show(RedirectAttributes flash, String attribute, java.util.function.Supplier<?> preview, String anchor) {
            var shown = new Object[1];
            if (!attempt(flash, () -> shown[0] = preview.get())) {
                return "redirect:" + page + refused;
            }
            flash.addFlashAttribute(attribute, shown[0]);
            if (formName != null) {
                flash.addFlashAttribute(formName, typed);
            }
            return "redirect:" + page + anchor;
        }

        /** Whether the step went through; a refusal is put in the flash with each field's error and what was typed. */
        private boolean attempt(RedirectAttributes flash, Runnable step) {
            var fieldErrors = new LinkedHashMap<String, String>();
            var fieldLines = new LinkedHashMap<String, String>(); // "label: message", for the page's error summary
            try {
                step.run();
                return true;
            } catch (InvalidInputException e) {
                e.errors()
                        .forEach(f -> fieldErrors.putIfAbsent(
                                f.field(),
                                inPageLanguage((m, l) -> f.inForm(m, l).message())));
                e.errors()
                        .forEach(f -> fieldLines.putIfAbsent(
                                f.field(),
                                inPageLanguage((m, l) -> named(
                                        labels.getOrDefault(f.field(), "form.field." + f.field()),
                                        f.inForm(m, l).message(),
                                        m,
                                        l))));
                flash.addFlashAttribute(
                        "refused",
                        String.join(
                                inPageLanguage((m, l) -> m.getMessage("form.errors.sep", null, l)),
                                fieldLines.values()));
            } catch (ConflictException e) {
                flash.addFlashAttribute("refused", inPageLanguage(e::in));
            } catch (RuntimeException e) {
                if (!(e instanceof RequestRefusal refusal)) {
                    throw e;
                }
                refusal.fields().forEach(f -> fieldErrors.putIfAbsent(f, ""));
                flash.addFlashAttribute("refused", inPageLanguage(refusal::detail));
            }
            if (formName != null) {
                flash.addFlashAttribute(formName, typed);
                flash.addFlashAttribute("fieldErrors", fieldErrors);
                flash.addFlashAttribute("fieldLines", fieldLines);
            }
            return false;
        }
    }

    /**
     * "label: message", the field named by its label's key; a field of a form's row ("value-2") by the row's label
     * ({@code <key>.row}); the message alone when it has no label.
     */
    static String named(String labelKey, String message, MessageSource messages, Locale locale) {
        var label = messages.getMessage(labelKey, null, null, locale);
        int dash = labelKey.lastIndexOf('-');
        var row = dash < 1 ? "" : labelKey.substring(dash + 1);
        if (label == null && !row.isEmpty() && row.length() < 5 && row.chars().allMatch(Character::isDigit)) {
            label = messages.getMessage(
                    labelKey.substring(0, dash) + ".row", new Object[] {Integer.valueOf(row)}, null, locale);
        }
        if (label == null) {
            label = listed(labelKey, messages, locale);
        }
        return label == null ? message : messages.getMessage("form.error.line", new Object[] {label, message}, locale);
    }

    /** A field of a list the API names by index ("changes[0].column"): its row's label, counted from 1, or null. */
    private static String listed(String labelKey, MessageSource messages, Locale locale) {
        int open = labelKey.indexOf('[');
        int close = labelKey.indexOf("].", open);
        if (open < 1 || close < open + 2 || close - open > 5) {
            return null;
        }
        var index = labelKey.substring(open + 1, close);
        if (!index.chars().allMatch(Character::isDigit)) {
            return null;
        }
        return messages.getMessage(
                labelKey.substring(0, open) + "." + labelKey.substring(close + 2) + ".row",
                new Object[] {Integer.parseInt(index) + 1},
                null,
                locale);
    }

    /** A refusal's text in the page's language, from the application's bundles. */
    private static String inPageLanguage(BiFunction<MessageSource, Locale, String> text) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        return text.apply(
                RequestContextUtils.findWebApplicationContext(request), RequestContextUtils.getLocale(request));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /** The most of one typed value a form shows again: twice the longest text any form takes (an answer's 20,000). */
    static final int MAX_TYPED = 40_000;

    /**
     * The typed values, by name, with null as empty (a flash map keeps them for the form shown again); a value longer
     * than any form takes is kept to its first {@value #MAX_TYPED} characters (it is refused as too long anyway), so that
     * what a session holds stays small ({@link ConsoleFlashMaps}).
     */
    static Map<String, String> typed(String... namesAndValues) {
        var typed = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            var value = namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1];
            typed.put(namesAndValues[i], value.length() > MAX_TYPED ? value.substring(0, MAX_TYPED) : value);
        }
        return typed;
    }
}
