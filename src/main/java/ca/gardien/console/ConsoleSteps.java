package ca.gardien.console;

import ca.gardien.requests.RequestRefusal;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import java.util.UUID;
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
                                    .map(f -> f.field() + ": " + inPageLanguage(f))
                                    .toList()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("refused", inPageLanguage(e));
        } catch (RuntimeException e) {
            if (!(e instanceof RequestRefusal refusal)) {
                throw e;
            }
            var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
            flash.addFlashAttribute(
                    "refused",
                    refusal.detail(
                            RequestContextUtils.findWebApplicationContext(request),
                            RequestContextUtils.getLocale(request)));
        }
        return "redirect:/console/requests/" + id;
    }

    /** The error's message in the page's language, from the application's bundles. */
    private static String inPageLanguage(FieldError error) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        var context = RequestContextUtils.findWebApplicationContext(request);
        return context == null
                ? error.message()
                : error.in(context, RequestContextUtils.getLocale(request)).message();
    }

    private static String inPageLanguage(ConflictException conflict) {
        var request = ((ServletRequestAttributes) RequestContextHolder.currentRequestAttributes()).getRequest();
        var context = RequestContextUtils.findWebApplicationContext(request);
        return context == null ? conflict.key() : conflict.in(context, RequestContextUtils.getLocale(request));
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
