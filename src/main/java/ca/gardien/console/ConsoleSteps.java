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
 * Runs one step of a request from the console and comes back to its page, with the refusal when there is one. A form
 * given by name comes back with what was typed and the error of each field it names ({@code fieldErrors}: the field's
 * message, or empty when the field is required).
 */
final class ConsoleSteps {

    private ConsoleSteps() {}

    static String run(UUID id, RedirectAttributes flash, Runnable step) {
        return run(id, flash, null, Map.of(), step);
    }

    /**
     * @param formName the flash attribute the typed values come back under when the step is refused
     * @param typed what was typed, by field name
     */
    static String run(UUID id, RedirectAttributes flash, String formName, Map<String, String> typed, Runnable step) {
        return runAt("/console/requests/" + id, flash, formName, typed, Map.of(), step);
    }

    /**
     * The same, each field's error named by its label on the page ({@code labels}: the message key of a field's visible
     * label, for a field whose {@code form.field.*} is not what the page shows).
     */
    static String run(
            UUID id,
            RedirectAttributes flash,
            String formName,
            Map<String, String> typed,
            Map<String, String> labels,
            Runnable step) {
        return runAt("/console/requests/" + id, flash, formName, typed, labels, step);
    }

    static String runAt(
            String page, RedirectAttributes flash, String formName, Map<String, String> typed, Runnable step) {
        return runAt(page, flash, formName, typed, Map.of(), step);
    }

    /** The same, for a step of another page ({@code page}: where to come back, done or refused). */
    private static String runAt(
            String page,
            RedirectAttributes flash,
            String formName,
            Map<String, String> typed,
            Map<String, String> labels,
            Runnable step) {
        var fieldErrors = new LinkedHashMap<String, String>();
        var fieldLines = new LinkedHashMap<String, String>(); // "label: message", for the page's error summary
        try {
            step.run();
            flash.addFlashAttribute("done", true);
            return "redirect:" + page;
        } catch (InvalidInputException e) {
            e.errors()
                    .forEach(f -> fieldErrors.putIfAbsent(
                            f.field(), inPageLanguage((m, l) -> f.inForm(m, l).message())));
            e.errors()
                    .forEach(f -> fieldLines.putIfAbsent(
                            f.field(),
                            inPageLanguage((m, l) -> named(
                                    labels.getOrDefault(f.field(), "form.field." + f.field()),
                                    f.inForm(m, l).message(),
                                    m,
                                    l))));
            flash.addFlashAttribute("refused", String.join("; ", fieldLines.values()));
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
        return "redirect:" + page;
    }

    /**
     * "label: message", the field named by its label's key; a field of a form's row ("value-2") by the row's label
     * ({@code <key>.row}); the message alone when it has no label.
     */
    private static String named(String labelKey, String message, MessageSource messages, Locale locale) {
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

    /** The typed values, by name, with null as empty (a flash map keeps them for the form shown again). */
    static Map<String, String> typed(String... namesAndValues) {
        var typed = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], namesAndValues[i + 1] == null ? "" : namesAndValues[i + 1]);
        }
        return typed;
    }
}
