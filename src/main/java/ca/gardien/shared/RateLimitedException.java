package ca.gardien.shared;

import java.time.Duration;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.ProblemDetail;
import org.springframework.web.ErrorResponse;

/**
 * A use refused by a {@link RateLimits} quota: rendered as a 429 problem ({@link ProblemTypes#RATE_LIMITED}) with a
 * {@code Retry-After} header on the API ({@link RateLimitProblems}, in French or English), and as the page with a
 * notice and status 429 on forms. As an {@link ErrorResponse} it also carries its status, problem and header to
 * advice that renders errors in another shape (OpenCompliance).
 */
public class RateLimitedException extends RuntimeException implements ErrorResponse {

    private final String limit;
    private final transient Duration retryAfter;

    public RateLimitedException(String limit, Duration retryAfter) {
        super("rate limit " + limit + " reached", null, false, false);
        this.limit = limit;
        this.retryAfter = retryAfter;
    }

    /** The name of the limit reached. */
    public String limit() {
        return limit;
    }

    /** Whole seconds until the window ends (at least 1), for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }

    @Override
    public HttpStatusCode getStatusCode() {
        return HttpStatus.TOO_MANY_REQUESTS;
    }

    @Override
    public HttpHeaders getHeaders() {
        var headers = new HttpHeaders();
        headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(retryAfterSeconds()));
        return headers;
    }

    @Override
    public ProblemDetail getBody() {
        var problem = ProblemDetail.forStatusAndDetail(
                HttpStatus.TOO_MANY_REQUESTS, "Too many requests; try again in " + retryAfterSeconds() + " seconds.");
        problem.setType(ProblemTypes.RATE_LIMITED);
        problem.setTitle("Too many requests");
        return problem;
    }
}
