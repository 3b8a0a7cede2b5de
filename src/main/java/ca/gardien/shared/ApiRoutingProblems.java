package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ResponseEntity;
import org.springframework.web.HttpMediaTypeNotAcceptableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.context.request.WebRequest;
import org.springframework.web.servlet.resource.NoResourceFoundException;

/**
 * API errors raised before any controller is chosen (unknown path, method not allowed): {@link ApiProblems} only
 * advises REST controllers, so these would otherwise get the servlet container's error page instead of a problem.
 * Outside {@code /api/} the exception is re-thrown, which leaves pages to Spring MVC's default handling.
 */
@RestControllerAdvice
@Order(Ordered.LOWEST_PRECEDENCE)
class ApiRoutingProblems {

    private final ApiProblems problems;

    ApiRoutingProblems(ApiProblems problems) {
        this.problems = problems;
    }

    @ExceptionHandler({
        NoResourceFoundException.class,
        HttpRequestMethodNotSupportedException.class,
        HttpMediaTypeNotSupportedException.class,
        HttpMediaTypeNotAcceptableException.class
    })
    ResponseEntity<Object> routing(Exception e, HttpServletRequest request, WebRequest webRequest) throws Exception {
        var path = request.getRequestURI().substring(request.getContextPath().length());
        if (!path.startsWith("/api/")) {
            throw e;
        }
        return problems.handleException(e, webRequest);
    }
}
