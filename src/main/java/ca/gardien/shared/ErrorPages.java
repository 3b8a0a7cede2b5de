package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns "not found" and bad input from page controllers into the {@code error} page with 404 or 400, never a 500 or a
 * JSON problem. A module subclasses it as a {@code @ControllerAdvice} naming its page controllers, ordered before
 * {@link ApiProblems}.
 */
public abstract class ErrorPages {

    @ExceptionHandler(NotFoundException.class)
    protected String notFound(HttpServletRequest request, HttpServletResponse response, Model model) {
        return page(request, response, model, HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * Bad input: the page names each field refused and why, in the page's language ({@code invalidFields}: a field's
     * label is {@code form.field.<field>}), as a problem does for the API; before, it only said that something in the
     * address was wrong (an attacker's probe of a notice's {@code in=xx}).
     */
    @ExceptionHandler(InvalidInputException.class)
    protected String invalid(
            InvalidInputException e, HttpServletRequest request, HttpServletResponse response, Model model) {
        model.addAttribute("invalidFields", e.errors());
        // the page without what was refused: the way back, and where the language switch returns (officer's walk: the
        // switch went to the home page, the only way back was the dashboard)
        var path = request.getRequestURI().substring(request.getContextPath().length());
        model.addAttribute("backTo", FILE.matcher(path).find() ? null : path);
        return page(request, response, model, HttpServletResponse.SC_BAD_REQUEST);
    }

    /** A document's address (a PDF, a CSV): going back to it would download it, not show a page. */
    private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile("\\.[a-z]{2,4}$");

    /**
     * An id or a value of the address that is not of its type ({@code /console/requests/not-an-id}): the page that says
     * so to a browser; a client asking for JSON gets the container's problem, as before.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ModelAndView malformed(HttpServletRequest request, HttpServletResponse response) throws IOException {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (ErrorContract.wantsProblem(path, request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return new ModelAndView();
        }
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        var page = new ModelAndView("error");
        page.addObject("status", HttpServletResponse.SC_BAD_REQUEST);
        return page;
    }

    /**
     * The error page, inside the console's frame on a console page (officer's walk: a console page's 400 had no
     * navigation and its only link went to the public home page), as the container's error pages do.
     */
    private static String page(HttpServletRequest request, HttpServletResponse response, Model model, int status) {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        response.setStatus(status);
        model.addAttribute("status", status);
        model.addAttribute("currentPath", path);
        model.addAttribute("console", path.equals("/console") || path.startsWith("/console/"));
        return "error";
    }
}
