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
 * which form it was as {@code typedForm}.
 */
@Component
class PageSteps {

    String run(String back, RedirectAttributes flash, Runnable step) {
        return at(back).run(flash, governed(step));
    }

    /** A step of one form of a page: done or refused, back to {@code back}. */
    String run(String back, RedirectAttributes flash, String form, Map<String, String> typed, Runnable step) {
        return at(back).form("typed", form, typed).run(flash, governed(step));
    }

    /**
     * A step of one form of a page: done, back to {@code done}; refused, back to {@code refusedAt}, an anchor of the
     * same page (the form's place), which shows the form again with what was typed and each field's error by it.
     * Files are never kept: the page asks for them again.
     */
    String run(
            String done,
            String refusedAt,
            RedirectAttributes flash,
            String form,
            Map<String, String> typed,
            Runnable step) {
        int hash = done.indexOf('#');
        var page = hash < 0 ? done : done.substring(0, hash);
        if (!refusedAt.startsWith(page + "#")) {
            throw new IllegalArgumentException("a refused step comes back to its own page");
        }
        return at(page).doneAt(done.substring(page.length()))
                .refusedAt(refusedAt.substring(page.length()))
                .form("typed", form, typed)
                .run(flash, governed(step));
    }

    /** A step that says where to go once done (a new draft's page); refused, back to {@code back}. */
    String runTo(String back, RedirectAttributes flash, Supplier<String> step) {
        return at(back).runTo(flash, () -> {
            var to = new String[1];
            governed(() -> to[0] = step.get()).run();
            return to[0];
        });
    }

    private static FormSteps.Step at(String page) {
        return FormSteps.at(page).labelPrefix("governance.page.field.");
    }

    /** The step as a governance page says its refusals. */
    private static Runnable governed(Runnable step) {
        return () -> {
            try {
                step.run();
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
