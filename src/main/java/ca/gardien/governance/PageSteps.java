package ca.gardien.governance;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
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

    /**
     * A step of one form of a page; refused, the page shows the form again with what was typed ({@code typed}, flashed
     * as {@code typed} with the form's name as {@code typedForm}). Files are never kept: the page asks for them again.
     */
    String run(String back, RedirectAttributes flash, String form, java.util.Map<String, String> typed, Runnable step) {
        var to = run(back, flash, step);
        if (flash.getFlashAttributes().containsKey("refused")) {
            var kept = new java.util.LinkedHashMap<String, String>();
            typed.forEach((field, value) -> {
                if (value != null) {
                    kept.put(field, value);
                }
            });
            flash.addFlashAttribute("typed", kept);
            flash.addFlashAttribute("typedForm", form);
        }
        return to;
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
            // the API's documentSha256 is the page's attached document: say what is missing in the page's words
            var errors = invalid.errors().stream()
                    .map(f -> "documentSha256".equals(f.field())
                            ? FieldError.of(f.field(), "governance.page.document-missing")
                            : f)
                    .toList();
            return FieldError.in(errors, messages, locale).stream()
                    .map(f -> messages.getMessage("governance.page.field." + f.field(), null, f.field(), locale) + " : "
                            + f.message())
                    .collect(Collectors.joining(" ; "));
        }
        if (e instanceof ConflictException conflict) {
            return conflict.in(messages, locale);
        }
        return messages.getMessage("governance.page.not-allowed", null, locale);
    }
}
