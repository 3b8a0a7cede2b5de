package ca.gardien.shared;

import io.swagger.v3.oas.annotations.Hidden;
import jakarta.servlet.DispatcherType;
import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.context.MessageSource;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.servlet.ModelAndView;

/**
 * The container's error page ({@code /error}), in place of Spring Boot's: where a filter, Spring Security or the servlet
 * container ends a request with an error status (a rejected path, a body over its cap, an exception no advice
 * handled), the API gets a problem and a browser the Gardien error page, never Boot's JSON nor Tomcat's page.
 */
@Hidden // not an operation of the API: the OpenAPI document stays as the modules declare it
@Controller
@RequestMapping("${server.error.path:/error}")
class ContainerErrors implements ErrorController {

    private final MessageSource messages;
    private final List<SpecifiedErrors> specified;

    ContainerErrors(MessageSource messages, List<SpecifiedErrors> specified) {
        this.messages = messages;
        this.specified = List.copyOf(specified);
    }

    @RequestMapping
    ModelAndView error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        int status = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE) instanceof Integer code && code >= 400
                ? code
                : request.getDispatcherType() == DispatcherType.ERROR
                        ? HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                        : HttpServletResponse.SC_NOT_FOUND; // asked for by its address: no page of its own
        var path = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI) instanceof String uri
                ? uri.substring(request.getContextPath().length())
                : null;
        if (status == HttpServletResponse.SC_INTERNAL_SERVER_ERROR
                && request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && DatabaseAway.is(failure)) { // a filter (sign-in, token check) could not reach the database
            status = HttpServletResponse.SC_SERVICE_UNAVAILABLE;
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(DatabaseAway.RETRY_AFTER_SECONDS));
        } else if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && cause(failure, BusyException.class) instanceof BusyException busy) { // a page's PDF download
            status = busy.status(); // 429: the caller's own downloads under way; 503: the node's
            response.setHeader(HttpHeaders.RETRY_AFTER, String.valueOf(busy.retryAfterSeconds()));
        } else if (request.getAttribute(RequestDispatcher.ERROR_EXCEPTION) instanceof Throwable failure
                && cause(failure, DataIntegrityViolationException.class) instanceof DataIntegrityViolationException v
                && IntegrityViolations.of(v).meanwhile()) { // a page no ErrorPages covers: as the others say it
            status = HttpServletResponse.SC_CONFLICT;
        }
        response.setStatus(status);
        var shape = SpecifiedErrors.covering(specified, path);
        if (shape.isPresent()) { // a specification's paths (OpenCompliance): its shape, a 404 or 405 as any other
            shape.get().write(response, status, ErrorContract.english(EdgeRefusal.of(status), messages));
            return null;
        }
        if (ErrorContract.wantsProblem(path, request)) {
            response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
            response.getOutputStream()
                    .write(ErrorContract.problem(EdgeRefusal.of(status), path, messages, ApiLanguage.of(request)));
            return null;
        }
        if (status == HttpServletResponse.SC_FORBIDDEN && request.getAttribute(ErrorPages.FORM_EXPIRED) != null) {
            return ErrorPages.expired(path, referer(request), response);
        }
        if (status == HttpServletResponse.SC_FORBIDDEN && request.getAttribute(ErrorPages.API_ONLY) != null) {
            return ErrorPages.apiOnly(path, response);
        }
        if (status == HttpServletResponse.SC_METHOD_NOT_ALLOWED) {
            return ErrorPages.notOpenable(path, referer(request), response);
        }
        return ErrorPages.page(path, response, status);
    }

    private static Throwable cause(Throwable failure, Class<? extends Throwable> type) {
        for (var cause = failure; cause != null; cause = cause.getCause()) {
            if (type.isInstance(cause)) {
                return cause;
            }
        }
        return null;
    }

    private static String referer(HttpServletRequest request) {
        try {
            return request.getHeader(HttpHeaders.REFERER);
        } catch (RuntimeException refusedByTheFirewall) {
            return null;
        }
    }
}
