package ca.gardien.requests;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.ProblemTypes;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The requests module's problem types and their mapping: renders {@link RequestProblem}s; ordered before the shared
 * advice, whose catch-all would otherwise win. Type names are stable: clients switch on them.
 */
@RestControllerAdvice(basePackageClasses = RequestProblems.class)
@Order(-10)
class RequestProblems {

    private final MessageSource messages;

    RequestProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RequestProblem.class)
    ProblemDetail problem(RequestProblem e) {
        var locale = ApiLanguage.current();
        var problem = ProblemDetail.forStatusAndDetail(status(e.refusal), e.detail(messages, locale));
        problem.setType(ProblemTypes.of(typeName(e.refusal)));
        problem.setTitle(e.title(messages, locale));
        e.properties.forEach(problem::setProperty);
        return problem;
    }

    static HttpStatus status(Refusal refusal) {
        return switch (refusal) {
            case WRONG_STATE, EXTENSION_NOT_ALLOWED, ALREADY_PROVEN, CODE_REQUIRED, NO_CODE_TAKEN ->
                HttpStatus.CONFLICT;
            case TYPE_UNAVAILABLE, REFUSAL_INCOMPLETE -> HttpStatus.UNPROCESSABLE_CONTENT;
            case CODE_REJECTED -> HttpStatus.BAD_REQUEST;
            case TOO_MANY_ATTEMPTS -> HttpStatus.TOO_MANY_REQUESTS;
            case DOWNLOAD_GONE -> HttpStatus.GONE;
        };
    }

    static int statusCode(Refusal refusal) {
        return status(refusal).value();
    }

    /**
     * The last segment of the refusal's problem type: {@code request-state}, {@code request-type-unavailable},
     * {@code refusal-incomplete}, {@code code-required}, {@code verification-failed} (wrong, expired or locked code,
     * never telling which identifier matched what), {@code download-gone}, or the shared {@code conflict}.
     */
    static String typeName(Refusal refusal) {
        return switch (refusal) {
            case WRONG_STATE, EXTENSION_NOT_ALLOWED -> "request-state";
            case TYPE_UNAVAILABLE -> "request-type-unavailable";
            case REFUSAL_INCOMPLETE -> "refusal-incomplete";
            case ALREADY_PROVEN -> "conflict";
            case CODE_REQUIRED -> "code-required";
            case NO_CODE_TAKEN, CODE_REJECTED, TOO_MANY_ATTEMPTS -> "verification-failed";
            case DOWNLOAD_GONE -> "download-gone";
        };
    }
}
