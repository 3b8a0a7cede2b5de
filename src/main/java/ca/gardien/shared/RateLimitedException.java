package ca.gardien.shared;

import java.time.Duration;

/**
 * A use refused by a {@link RateLimits} quota: rendered as a 429 problem ({@link ProblemTypes#RATE_LIMITED}) with a
 * {@code Retry-After} header on the API ({@link RateLimitProblems}, in French or English), and as the page with a
 * notice and status 429 on forms; advice that renders errors in another shape (OpenCompliance) maps it itself.
 */
public class RateLimitedException extends RuntimeException {

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
}
