package ca.gardien.console;

import ca.gardien.requests.RequestRefusal;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.InvalidInputException;
import java.util.UUID;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

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
                                    .map(f -> f.field() + ": " + f.message())
                                    .toList()));
        } catch (ConflictException e) {
            flash.addFlashAttribute("refused", e.getMessage());
        } catch (RuntimeException e) {
            if (!(e instanceof RequestRefusal)) {
                throw e;
            }
            flash.addFlashAttribute("refused", e.getMessage());
        }
        return "redirect:/console/requests/" + id;
    }

    static String blank(String s) {
        return s == null || s.isBlank() ? null : s;
    }
}
