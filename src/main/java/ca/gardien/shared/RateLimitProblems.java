package ca.gardien.shared;

import jakarta.servlet.http.HttpServletRequest;
import org.springframework.context.MessageSource;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * A refused use of a rate-limited API endpoint: a 429 problem with {@code Retry-After} (a PDF download refused, {@link
 * BusyException}: 429 when the caller has as many under way as one caller may, 503 when the node renders as many
 * downloads as it renders at once), its title and detail in French
 * or English (the {@code Accept-Language} header when it asks for one of them, else the resolved locale, French by
 * default). Ordered before the modules' advice, whose catch-alls would otherwise answer 500; the OpenCompliance endpoints
 * answer in their specification's error shape instead (their advice maps the exception itself).
 */
@RestControllerAdvice(annotations = RestController.class)
@Order(-15) // before the modules' advice (-10) and the shared catch-all; OpenCompliance keeps its own shape (-20)
class RateLimitProblems {

    private final MessageSource messages;

    RateLimitProblems(MessageSource messages) {
        this.messages = messages;
    }

    @ExceptionHandler(RateLimitedException.class)
    ResponseEntity<ProblemDetail> rateLimited(RateLimitedException e, HttpServletRequest request) {
        return tryAgainLater(
                HttpStatus.TOO_MANY_REQUESTS,
                ProblemTypes.RATE_LIMITED,
                "problem.rate-limited.title",
                "problem.rate-limited.detail",
                e.retryAfterSeconds(),
                request);
    }

    /**
     * A PDF download refused at once ({@link PdfDownloads}): the caller's own downloads under way are as many as one
     * caller may have (429), or the node's are as many as it renders at once (503); to try again in a few seconds.
     */
    @ExceptionHandler(BusyException.class)
    ResponseEntity<ProblemDetail> busy(BusyException e, HttpServletRequest request) {
        if (e.callersOwn()) {
            return tryAgainLater(
                    HttpStatus.TOO_MANY_REQUESTS,
                    ProblemTypes.RATE_LIMITED,
                    "problem.rate-limited.title",
                    "problem.busy.yours.detail",
                    e.retryAfterSeconds(),
                    request);
        }
        return tryAgainLater(
                HttpStatus.SERVICE_UNAVAILABLE,
                ProblemTypes.UNAVAILABLE,
                "problem.title.503",
                "problem.busy.detail",
                e.retryAfterSeconds(),
                request);
    }

    /** A refusal to try again in {@code seconds}: the problem in the caller's language and its {@code Retry-After}. */
    private ResponseEntity<ProblemDetail> tryAgainLater(
            HttpStatus status,
            java.net.URI type,
            String titleKey,
            String detailKey,
            long seconds,
            HttpServletRequest request) {
        var locale = ApiLanguage.of(request);
        var problem = ProblemDetail.forStatusAndDetail(
                status, messages.getMessage(detailKey, new Object[] {String.valueOf(seconds)}, locale));
        problem.setType(type);
        problem.setTitle(messages.getMessage(titleKey, null, locale));
        problem.setProperty("retryAfterSeconds", seconds);
        return ResponseEntity.status(status)
                .header(HttpHeaders.RETRY_AFTER, String.valueOf(seconds))
                .header(HttpHeaders.CONTENT_LANGUAGE, locale.getLanguage())
                .contentType(MediaType.APPLICATION_PROBLEM_JSON)
                .body(problem);
    }
}
