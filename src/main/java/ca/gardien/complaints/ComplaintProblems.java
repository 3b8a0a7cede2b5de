package ca.gardien.complaints;

import ca.gardien.shared.ApiLanguage;
import ca.gardien.shared.ProblemTypes;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * The complaints module's own problem type: a document its file has no room left for is {@code 413} ({@code
 * complaint-documents-full}, with {@code limit} and {@code remaining} in bytes), not the shared {@code 409}; ordered
 * before the shared advice, which would answer it as a conflict.
 */
@RestControllerAdvice(basePackageClasses = ComplaintProblems.class)
@Order(-10)
class ComplaintProblems {

    private final MessageSource messages;

    ComplaintProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(ComplaintFileFull.class)
    ProblemDetail full(ComplaintFileFull e) {
        var locale = ApiLanguage.current();
        var problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONTENT_TOO_LARGE, e.in(messages, locale));
        problem.setType(ProblemTypes.of("complaint-documents-full"));
        problem.setTitle(messages.getMessage("complaints.problem.documents-full", null, locale));
        problem.setProperty("limit", e.limit());
        problem.setProperty("remaining", e.remaining());
        return problem;
    }
}
