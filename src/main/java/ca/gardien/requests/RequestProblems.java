package ca.gardien.requests;

import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/** Renders {@link RequestProblem}s; ordered before the shared advice, whose catch-all would otherwise win. */
@RestControllerAdvice(basePackageClasses = RequestProblems.class)
@Order(-10)
class RequestProblems {

    @ExceptionHandler(RequestProblem.class)
    ProblemDetail problem(RequestProblem e) {
        var problem = ProblemDetail.forStatusAndDetail(e.status, e.getMessage());
        problem.setType(e.type);
        problem.setTitle(e.title);
        e.properties.forEach(problem::setProperty);
        return problem;
    }
}
