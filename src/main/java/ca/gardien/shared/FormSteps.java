package ca.gardien.shared;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiFunction;
import java.util.function.Supplier;
import org.springframework.context.MessageSource;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/**
 * The one way a console page runs a step from a form ({@code FormSteps.at(page).form(…).run(flash, step)}) and comes
 * back to its page after the POST: done, or refused with the reason in the page's language — never a 500, never
 * half-written (the services are transactional). A form given by name comes back with what was typed and the error of
 * each field next to it. Every step of the console's and governance's pages goes through it (an incident's forms read
 * their dates and numbers with {@code console.IncidentInput} first, then run here).
 *
 * <p>Flashed on a refusal: {@code refused} (the summary, each field named by its label), and for a named form: the
 * typed values under the form's attribute, {@code typedForm} (which form it was: a page with one form per section
 * tells them apart), {@code fieldErrors} (each field's message, or empty when only required; a field of a list,
 * {@code roles[1]}, also by its list; {@code form}: a refusal of the whole form) and {@code fieldLines}.
 */
public final class FormSteps {

    /** The most of one typed value a form shows again: twice the longest text any form takes (a policy's 50,000). */
    public static final int MAX_TYPED = 100_000;

    private FormSteps() {}

    /** A step of a page ({@code page}: where to come back, done or refused). */
    public static Step at(String page) {
        return new Step(page, "", "", null, null, Map.of(), Map.of(), "form.field.");
    }

    /**
     * Where a step comes back to and, when it is refused, the form that comes back with what was typed.
     *
     * @param done the anchor of the page a step that went through comes back to (empty: the top)
     * @param refused the anchor a refused step comes back to (empty: the top, where the page's summary is)
     * @param attribute the flash attribute the typed values come back under (null: no form to fill again)
     * @param formName which form was refused, flashed as {@code typedForm}
     * @param typed what was typed, by field name
     * @param labels the message key of a field's visible label, for a field whose default key is not what the page
     *     shows
     * @param labelPrefix the default key of a field's label, before the field's name ({@code form.field.})
     */
    public record Step(
            String page,
            String done,
            String refused,
            String attribute,
            String formName,
            Map<String, String> typed,
            Map<String, String> labels,
            String labelPrefix) {

        /** The form whose values come back under {@code name} when refused. */
        public Step form(String name, Map<String, String> values) {
            return form(name, name, values);
        }

        /** One of several forms of a kind on a page: its values under {@code attribute}, which one as {@code name}. */
        public Step form(String attribute, String name, Map<String, String> values) {
            return new Step(page, done, refused, attribute, name, kept(values), labels, labelPrefix);
        }

        public Step labels(Map<String, String> fieldLabels) {
            return new Step(page, done, refused, attribute, formName, typed, fieldLabels, labelPrefix);
        }

        /** The default key of the fields' labels on this page ({@code governance.page.field.}). */
        public Step labelPrefix(String prefix) {
            return new Step(page, done, refused, attribute, formName, typed, labels, prefix);
        }

        /** Comes back to {@code anchor} once done (the card of a task finished among others, not the page's top). */
        public Step doneAt(String anchor) {
            return new Step(page, anchor, refused, attribute, formName, typed, labels, labelPrefix);
        }

        /** Comes back to {@code anchor} when refused too: a form among many on a long page has its errors by it. */
        public Step refusedAt(String anchor) {
            return new Step(page, done, anchor, attribute, formName, typed, labels, labelPrefix);
        }

        /** Runs the step: back to the page saying it is done, or with the refusal. */
        public String run(RedirectAttributes flash, Runnable step) {
            return run(flash, step, true);
        }

        /** {@link #run(RedirectAttributes, Runnable)} with what the page says once it is done ({@code done}). */
        public String run(RedirectAttributes flash, Runnable step, Object saying) {
            if (attempt(flash, step)) {
                flash.addFlashAttribute("done", saying);
                return "redirect:" + page + done;
            }
            return "redirect:" + page + refused;
        }

        /** A step that says where to go once done (a new draft's page); refused, back to this page. */
        public String runTo(RedirectAttributes flash, Supplier<String> step) {
            var to = new String[1];
            if (attempt(flash, () -> to[0] = step.get())) {
                flash.addFlashAttribute("done", true);
                return "redirect:" + to[0];
            }
            return "redirect:" + page + refused;
        }

        /**
         * Shows what a step would do without doing it (a letter's preview): back to the page at {@code anchor} with
         * the preview under {@code shownAs} and the form as typed, or with the refusal as {@link #run} would.
         */
        public String show(RedirectAttributes flash, String shownAs, Supplier<?> preview, String anchor) {
            var shown = new Object[1];
            if (!attempt(flash, () -> shown[0] = preview.get())) {
                return "redirect:" + page + refused;
            }
            flash.addFlashAttribute(shownAs, shown[0]);
            if (attribute != null) {
                flash.addFlashAttribute(attribute, typed);
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
                for (var f : e.errors()) {
                    var message = inPageLanguage((m, l) -> f.inForm(m, l).message());
                    fieldErrors.putIfAbsent(f.field(), message);
                    int bracket = f.field().indexOf('['); // an item of a list (roles[1]) is shown by its list too
                    if (bracket > 0) {
                        fieldErrors.putIfAbsent(f.field().substring(0, bracket), message);
                    }
                    fieldLines.putIfAbsent(
                            f.field(),
                            inPageLanguage((m, l) ->
                                    named(labels.getOrDefault(f.field(), labelPrefix + f.field()), message, m, l)));
                }
                flash.addFlashAttribute(
                        "refused",
                        String.join(
                                inPageLanguage((m, l) -> m.getMessage("form.errors.sep", null, l)),
                                fieldLines.values()));
            } catch (ConflictException | ConcurrencyFailureException | DataIntegrityViolationException e) {
                var text = inPageLanguage(ChangedMeanwhile.said(e)::in); // a bug's violation thrown on: a 500
                fieldErrors.put("form", text);
                flash.addFlashAttribute("refused", text);
            } catch (RuntimeException e) {
                if (!(e instanceof FieldRefusal refusal)) {
                    throw e;
                }
                refusal.fields().forEach(f -> fieldErrors.putIfAbsent(f, ""));
                flash.addFlashAttribute("refused", inPageLanguage(refusal::detail));
            }
            if (attribute != null) {
                flash.addFlashAttribute(attribute, typed);
                flash.addFlashAttribute("typedForm", formName);
                flash.addFlashAttribute("fieldErrors", fieldErrors);
                flash.addFlashAttribute("fieldLines", fieldLines);
            }
            return false;
        }

        /** The values as a refused form shows them again: none left out, none longer than {@value #MAX_TYPED}. */
        private static Map<String, String> kept(Map<String, String> values) {
            var kept = new LinkedHashMap<String, String>();
            values.forEach((field, value) -> kept.put(field, clip(value)));
            return kept;
        }
    }

    /**
     * "label: message", the field named by its label's key; a field of a form's row ("value-2") by the row's label
     * ({@code <key>.row}); a field of a list the API names by index by its row's label; the message alone when it has
     * no label.
     */
    public static String named(String labelKey, String message, MessageSource messages, Locale locale) {
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

    /** A form's empty field is an absent value. */
    public static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    /**
     * The typed values, by name, with null as empty (a flash map keeps them for the form shown again); a value longer
     * than any form takes is kept to its first {@value #MAX_TYPED} characters (it is refused as too long anyway), so that
     * what a session holds stays small.
     */
    public static Map<String, String> typed(String... namesAndValues) {
        var typed = new LinkedHashMap<String, String>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            typed.put(namesAndValues[i], clip(namesAndValues[i + 1]));
        }
        return typed;
    }

    private static String clip(String value) {
        var v = value == null ? "" : value;
        return v.length() > MAX_TYPED ? v.substring(0, MAX_TYPED) : v;
    }
}
