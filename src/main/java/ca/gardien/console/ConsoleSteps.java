package ca.gardien.console;

import ca.gardien.requests.RequestRefusal;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import java.util.Locale;
import java.util.UUID;
import java.util.function.BiFunction;
import org.springframework.context.MessageSource;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.RequestContextUtils;

/** Runs one step of a request from the console and comes back to its page, with the refusal when there is one. */
final class ConsoleSteps {

    private ConsoleSteps() {}

    static String run(UUID id, RedirectAttributes flash, Runnable step) {
        try {
            step.run();
            flash.addFlashAttribute("done", true);
        } catch (InvalidInputException e) {
            flash.addFlashAttribute(
                    "refused",
                    String.join(
                            "; ",
                            e.errors().stream()
                                    .map(f -> f.field() + ": "
                                            + inPageLanguage(
                                                    (m, l) -> f.in(m, l).message()))
                                    .toList()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("refused", inPageLanguage(e::in));
        } catch (RuntimeException e) {
            if (!(e instanceof RequestRefusal refusal)) {
                throw e;
            }
            flash.addFlashAttribute("refused", inPageLanguage(refusal::detail));
        }
        return "redirect:/console/requests/" + id;
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
}
