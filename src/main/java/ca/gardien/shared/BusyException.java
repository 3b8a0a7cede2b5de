package ca.gardien.shared;

import java.time.Duration;

/**
 * A PDF download refused at once, nothing of it done ({@link PdfDownloads}): the caller already has as many under way as
 * one caller may ({@link #callersOwn}: 429), or the node renders as many downloads as it renders at once (503). Answered
 * with {@code Retry-After}, a problem in the reader's language on the API ({@link RateLimitProblems}), the error page with
 * the same status in a browser ({@link ContainerErrors}).
 */
public class BusyException extends RuntimeException {

    private final transient Duration retryAfter;
    private final boolean callersOwn;

    /** The node renders as many downloads as it renders at once: 503. */
    public BusyException(String what, Duration retryAfter) {
        this(what, retryAfter, false);
    }

    private BusyException(String what, Duration retryAfter, boolean callersOwn) {
        super(what + " busy", null, false, false);
        this.retryAfter = retryAfter;
        this.callersOwn = callersOwn;
    }

    /** The caller already has as many downloads under way as one caller may have: 429. */
    public static BusyException callersOwn(String what, Duration retryAfter) {
        return new BusyException(what, retryAfter, true);
    }

    /** Whether the caller's own downloads under way are the reason (429), rather than everyone's (503). */
    public boolean callersOwn() {
        return callersOwn;
    }

    /** The HTTP status of the refusal: 429 for the caller's own downloads, 503 for the node's. */
    public int status() {
        return callersOwn ? 429 : 503;
    }

    /** Whole seconds to wait before trying again (at least 1), for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
