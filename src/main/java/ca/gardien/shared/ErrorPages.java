package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.servlet.ModelAndView;

/**
 * Turns "not found", bad input and a conflict from page controllers into the {@code error} page with 404, 400 or 409,
 * never a 500 or a JSON problem. A module subclasses it as a {@code @ControllerAdvice} naming its page controllers, ordered before
 * {@link ApiProblems}.
 */
public abstract class ErrorPages {

    /** Request attribute set when a page's form was refused because it had expired (its anti-forgery token). */
    public static final String FORM_EXPIRED = "gardien.form-expired";

    /** Request attribute set when a page was refused to an account that opens no page (an OpenCompliance controller). */
    public static final String API_ONLY = "gardien.api-only";

    /** A document's address (a PDF, a CSV): going back to it would download it, not show a page. */
    private static final java.util.regex.Pattern FILE = java.util.regex.Pattern.compile("\\.[a-z]{2,4}$");

    @ExceptionHandler(NotFoundException.class)
    protected ModelAndView notFound(HttpServletRequest request, HttpServletResponse response) {
        return page(path(request), response, HttpServletResponse.SC_NOT_FOUND);
    }

    /**
     * Bad input: the page names each field refused and why, in the page's language ({@code invalidFields}: a field's
     * label is {@code form.field.<field>}), as a problem does for the API; before, it only said that something in the
     * address was wrong (an attacker's probe of a notice's {@code in=xx}).
     */
    @ExceptionHandler(InvalidInputException.class)
    protected ModelAndView invalid(InvalidInputException e, HttpServletRequest request, HttpServletResponse response) {
        var path = path(request);
        var page = page(path, response, HttpServletResponse.SC_BAD_REQUEST);
        page.addObject("invalidFields", e.errors());
        // the page without what was refused: the way back, and where the language switch returns (officer's walk: the
        // switch went to the home page, the only way back was the dashboard)
        return wayBack(page, request, path);
    }

    /**
     * A step that met the current state (two saves at once, a double click, a step another person took first, a name
     * another session created at the same moment) and that the page did not catch itself: 409 and the page that says
     * why, with the way back to the page, never a 500.
     */
    @ExceptionHandler({ConflictException.class, ConcurrencyFailureException.class})
    protected ModelAndView conflict(RuntimeException e, HttpServletRequest request, HttpServletResponse response) {
        var path = path(request);
        var page = page(path, response, HttpServletResponse.SC_CONFLICT);
        page.addObject("conflict", ChangedMeanwhile.said(e).on("form"));
        return wayBack(page, request, path);
    }

    /**
     * An integrity violation the page did not catch itself, read as every edge reads it ({@link IntegrityViolations}):
     * a unique key another session took first, or what the step refers to removed meanwhile (a foreign key), is the 409
     * page saying so ({@link #conflict}); any other (a value missing, too long, refused by a check) is a bug — logged
     * without its SQL, and the 500 page that says nothing of it.
     */
    @ExceptionHandler(org.springframework.dao.DataIntegrityViolationException.class)
    protected ModelAndView integrity(
            org.springframework.dao.DataIntegrityViolationException e,
            HttpServletRequest request,
            HttpServletResponse response) {
        if (IntegrityViolations.of(e).meanwhile()) {
            return conflict(e, request, response);
        }
        IntegrityViolations.logBug(e, "a page");
        return page(path(request), response, HttpServletResponse.SC_INTERNAL_SERVER_ERROR);
    }

    /**
     * The way back, also where the language switch returns: for a page asked for, the page itself, unless it is a
     * document (going back would download it, not show a page); for a form sent, the page the form was on (its
     * {@code Referer}'s path) — the form's own address answers only a POST (attacker's review: a refused day in a
     * form led back to the form's action, a 405).
     */
    private static ModelAndView wayBack(ModelAndView page, HttpServletRequest request, String path) {
        if ("GET".equals(request.getMethod()) || "HEAD".equals(request.getMethod())) {
            page.addObject("backTo", FILE.matcher(path).find() ? null : path);
            return page;
        }
        var back = refererPath(request.getHeader("Referer"));
        page.addObject("backTo", back);
        page.getModel().remove("currentPath");
        if (back != null) {
            page.addObject("currentPath", back);
        }
        return page;
    }

    /** The path of a {@code Referer}, whatever its host, when it is a path of this site a page may send back to. */
    private static String refererPath(String referer) {
        String back = null;
        try {
            back = referer == null ? null : java.net.URI.create(referer).getRawPath();
        } catch (IllegalArgumentException notAnAddress) {
            // no way back but the home page
        }
        return LocalPaths.local(back) ? back : null;
    }

    /**
     * An id or a value of the address that is not of its type ({@code /console/requests/not-an-id}): the page that says
     * so to a browser; a client asking for JSON gets the container's problem, as before.
     */
    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    protected ModelAndView malformed(
            MethodArgumentTypeMismatchException e, HttpServletRequest request, HttpServletResponse response)
            throws IOException {
        var path = path(request);
        if (ErrorContract.wantsProblem(path, request)) {
            response.sendError(HttpServletResponse.SC_BAD_REQUEST);
            return new ModelAndView();
        }
        var page = page(path, response, HttpServletResponse.SC_BAD_REQUEST);
        if (!e.getParameter().hasParameterAnnotation(org.springframework.web.bind.annotation.PathVariable.class)) {
            // a value of the query ({@code ?page=abc}): named as bad input is, with the way back to the page without it
            // (officer's re-walk: page=0 said which field, page=abc did not)
            page.addObject("invalidFields", java.util.List.of(FieldError.of(e.getName(), "problem.field.wrong-type")));
            wayBack(page, request, path);
        }
        return page;
    }

    private static String path(HttpServletRequest request) {
        return request.getRequestURI().substring(request.getContextPath().length());
    }

    /**
     * The page of a form refused as expired, with a way back to the page the form was on (its {@code Referer}'s path,
     * whatever its host: a path of this site, never another site's address).
     */
    static ModelAndView expired(String path, String referer, HttpServletResponse response) {
        var page = page(path, response, HttpServletResponse.SC_FORBIDDEN);
        page.addObject("expired", true);
        page.addObject("backTo", refererPath(referer));
        return page;
    }

    /**
     * A form's address opened directly (a reload, Back, the address typed): it only takes a form sent from its page, so
     * the page says so and leads back to the page the browser came from, not "try again in a moment" (officer's walk).
     */
    static ModelAndView notOpenable(String path, String referer, HttpServletResponse response) {
        var page = page(path, response, HttpServletResponse.SC_METHOD_NOT_ALLOWED);
        var back = refererPath(referer);
        if (back != null && !back.equals(path)) {
            page.addObject("backTo", back);
            page.addObject("currentPath", back); // the language switch returns to a page, not to the form's address
        }
        return page;
    }

    /**
     * The page refused to an account for the OpenCompliance API only: it says so, and links to the password page, the
     * one page such an account opens (not to the dashboard, which it does not).
     */
    static ModelAndView apiOnly(String path, HttpServletResponse response) {
        var page = page(path, response, HttpServletResponse.SC_FORBIDDEN);
        page.addObject("apiOnly", true);
        return page;
    }

    /**
     * The error page for the page asked for at {@code path} (null: unknown): inside the console's frame on a console
     * page (officer's walk: a console page's 400 had no navigation and its only link went to the public home page), its
     * language switch returning to that page. The container's error pages ({@link ContainerErrors}) are this page too.
     */
    static ModelAndView page(String path, HttpServletResponse response, int status) {
        response.setStatus(status);
        var page = new ModelAndView("error");
        page.addObject("status", status);
        if (path != null) {
            page.addObject("currentPath", path);
        }
        page.addObject("console", path != null && (path.equals("/console") || path.startsWith("/console/")));
        return page;
    }
}
