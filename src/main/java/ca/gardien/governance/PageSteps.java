package ca.gardien.governance;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.FormSteps;
import ca.gardien.shared.InvalidInputException;
import java.util.Map;
import java.util.function.Supplier;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * A step taken from a governance console page, through the console's one way ({@link FormSteps}): fields labelled by
 * {@code governance.page.field.*}, a step the caller's role does not allow said on the page (not a 403 page), and the
 * API's {@code documentSha256} named as the page's attached document. A refused form comes back under {@code typed},
 * which form it was as {@code typedForm}, at the page's {@code #refused}, by the form.
 */
@Component
class PageSteps {

    /** A step without a form: done or refused, back to {@code page} (with its anchor, if any). */
    String run(String page, RedirectAttributes flash, Runnable step) {
        return at(page).run(flash, governed(step));
    }

    /** {@link #run(String, RedirectAttributes, Runnable)}, saying what was done ({@code governance.done.<said>}). */
    String run(String page, RedirectAttributes flash, Runnable step, String said) {
        return at(page).run(flash, governed(step), said);
    }

    /**
     * {@link #run(String, RedirectAttributes, Runnable, String)} of a form whose fields are labelled otherwise on the
     * page ({@code labels}: a field's name to its label's key): an end's {@code endsOn} reads as the end form says it.
     */
    String run(String page, RedirectAttributes flash, Runnable step, String said, Map<String, String> labels) {
        return at(page).labels(labels).run(flash, governed(step), said);
    }

    /**
     * A step of one form of a page: done, back to {@code page} at {@code doneAnchor} (empty: the top); refused, at
     * {@code #refused}, which shows the form again with what was typed and each field's error by it. Files are never
     * kept: the page asks for them again.
     */
    String run(
            String page,
            String doneAnchor,
            RedirectAttributes flash,
            String form,
            Map<String, String> typed,
            Runnable step) {
        return form(page, doneAnchor, form, typed).run(flash, governed(step));
    }

    /**
     * {@link #run(String, String, RedirectAttributes, String, Map, Runnable)}, saying {@code governance.done.<said>} (a
     * {@link ca.gardien.shared.Phrase}: its words, naming what was done).
     */
    String run(
            String page,
            String doneAnchor,
            RedirectAttributes flash,
            String form,
            Map<String, String> typed,
            Runnable step,
            Object said) {
        return form(page, doneAnchor, form, typed).run(flash, governed(step), said);
    }

    private static FormSteps.Step form(String page, String doneAnchor, String form, Map<String, String> typed) {
        return at(page).doneAt(doneAnchor).refusedAt("#refused").form("typed", form, typed);
    }

    /** A step that says where to go once done (a new draft's page); refused, back to {@code page}. */
    String runTo(String page, RedirectAttributes flash, Supplier<String> step) {
        return at(page).runTo(flash, governed(step));
    }

    private static FormSteps.Step at(String page) {
        return FormSteps.at(page).labelPrefix("governance.page.field.");
    }

    private static Runnable governed(Runnable step) {
        Supplier<Void> done = governed(() -> {
            step.run();
            return null;
        });
        return done::get;
    }

    /** The step as a governance page says its refusals. */
    private static <T> Supplier<T> governed(Supplier<T> step) {
        return () -> {
            try {
                return step.get();
            } catch (InvalidInputException e) {
                throw new InvalidInputException(e.errors().stream()
                        .map(f -> "documentSha256".equals(f.field())
                                ? FieldError.of(f.field(), "governance.page.document-missing")
                                : f)
                        .toList());
            } catch (AccessDeniedException e) {
                throw new ConflictException("governance.page.not-allowed");
            }
        };
    }
}
