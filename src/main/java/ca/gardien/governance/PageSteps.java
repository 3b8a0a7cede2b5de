package ca.gardien.governance;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Collectors;
import org.springframework.context.MessageSource;
import org.springframework.context.i18n.LocaleContextHolder;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A step taken from a governance console page: done, or refused with the reason in the page's language (each field
 * named), then back to the page it came from; never a 500 and never half-written (the services are transactional).
 */
@Component
class PageSteps {

    private final MessageSource messages;

    PageSteps(MessageSource messages) {
        this.messages = messages;
    }

    String run(String back, RedirectAttributes flash, Runnable step) {
        return runTo(back, flash, () -> {
            step.run();
            return back;
        });
    }

    /** The most of one typed value a refused form shows again: twice the longest text a form takes. */
    static final int MAX_TYPED = 2 * Policies.MAX_TEMPLATE;

    /** A step of one form of a page: {@link #run(String, String, RedirectAttributes, String, Map, Runnable)}. */
    String run(String back, RedirectAttributes flash, String form, Map<String, String> typed, Runnable step) {
        return run(back, back, flash, form, typed, step);
    }

    /**
     * A step of one form of a page: done, back to {@code done}; refused, back to {@code refusedAt} (the form's place on
     * the page), which shows the form again with what was typed ({@code typed}, flashed as {@code typed} with the
     * form's name as {@code typedForm}) and the error of each field next to it ({@code fieldErrors}: the field's
     * message in the page's language; {@code form}: a refusal of the whole form). Files are never kept: the page asks
     * for them again.
     */
    String run(
            String done,
            String refusedAt,
            RedirectAttributes flash,
            String form,
            Map<String, String> typed,
            Runnable step) {
        try {
            step.run();
            flash.addFlashAttribute("done", true);
            return "redirect:" + done;
        } catch (InvalidInputException | ConflictException | AccessDeniedException e) {
            flash.addFlashAttribute("refused", refusal(e));
            var kept = new LinkedHashMap<String, String>();
            typed.forEach((field, value) -> {
                if (value != null) {
                    kept.put(field, value.length() > MAX_TYPED ? value.substring(0, MAX_TYPED) : value);
                }
            });
            flash.addFlashAttribute("typed", kept);
            flash.addFlashAttribute("typedForm", form);
            flash.addFlashAttribute("fieldErrors", byField(e));
            return "redirect:" + refusedAt;
        }
    }

    /** A step that says where to go once done (a new draft's page); refused, back to {@code back}. */
    String runTo(String back, RedirectAttributes flash, Supplier<String> step) {
        try {
            var to = step.get();
            flash.addFlashAttribute("done", true);
            return "redirect:" + to;
        } catch (InvalidInputException | ConflictException | AccessDeniedException e) {
            flash.addFlashAttribute("refused", refusal(e));
            return "redirect:" + back;
        }
    }

    /** A form's empty field is an absent value. */
    static String blank(String value) {
        return value == null || value.isBlank() ? null : value;
    }

    private String refusal(RuntimeException e) {
        var locale = LocaleContextHolder.getLocale();
        if (e instanceof InvalidInputException invalid) {
            return FieldError.in(errors(invalid), messages, locale).stream()
                    .map(f -> messages.getMessage(
                            "form.error.line",
                            new Object[] {
                                messages.getMessage("governance.page.field." + f.field(), null, f.field(), locale),
                                f.message()
                            },
                            locale))
                    .collect(Collectors.joining(messages.getMessage("form.errors.sep", null, locale)));
        }
        if (e instanceof ConflictException conflict) {
            return conflict.in(messages, locale);
        }
        return messages.getMessage("governance.page.not-allowed", null, locale);
    }

    /** The refusal by form field, in the page's language, the first error of each field; {@code form}: the whole. */
    private Map<String, String> byField(RuntimeException e) {
        var out = new LinkedHashMap<String, String>();
        if (e instanceof InvalidInputException invalid) {
            var locale = LocaleContextHolder.getLocale();
            errors(invalid).forEach(f -> {
                var bracket = f.field().indexOf('['); // an item of a list (roles[1]) is shown by its list
                var field = bracket < 0 ? f.field() : f.field().substring(0, bracket);
                out.putIfAbsent(field, f.inForm(messages, locale).message());
            });
        } else {
            out.put("form", refusal(e));
        }
        return out;
    }

    /** The API's documentSha256 is the page's attached document: say what is missing in the page's words. */
    private static List<FieldError> errors(InvalidInputException invalid) {
        return invalid.errors().stream()
                .map(f -> "documentSha256".equals(f.field())
                        ? FieldError.of(f.field(), "governance.page.document-missing")
                        : f)
                .toList();
    }
}
