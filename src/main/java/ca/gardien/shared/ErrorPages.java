package ca.gardien.shared;

import jakarta.servlet.http.HttpServletResponse;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;

/**
 * Turns "not found" and bad input from page controllers into the {@code error} page with 404 or 400, never a 500 or a
 * JSON problem. A module subclasses it as a {@code @ControllerAdvice} naming its page controllers, ordered before
 * {@link ApiProblems}.
 */
public abstract class ErrorPages {

    @ExceptionHandler(NotFoundException.class)
    protected String notFound(HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_NOT_FOUND);
    }

    /** An id or a value of the address that is not of its type ({@code /console/requests/not-an-id}). */
    @ExceptionHandler({
        InvalidInputException.class,
        org.springframework.web.method.annotation.MethodArgumentTypeMismatchException.class
    })
    protected String invalid(HttpServletResponse response, Model model) {
        return page(response, model, HttpServletResponse.SC_BAD_REQUEST);
    }

    private static String page(HttpServletResponse response, Model model, int status) {
        response.setStatus(status);
        model.addAttribute("status", status);
        return "error";
    }
}
