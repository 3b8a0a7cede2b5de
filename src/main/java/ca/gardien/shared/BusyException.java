package ca.gardien.shared;

import java.time.Duration;

/**
 * Work this node does a few at a time is all under way (the PDFs it renders: {@link PdfDocuments}); answered 503 with
 * {@code Retry-After}, a problem in the reader's language on the API ({@link RateLimitProblems}), the error page in a
 * browser ({@link ContainerErrors}). Nothing of the request was done.
 */
public class BusyException extends RuntimeException {

    private final transient Duration retryAfter;

    public BusyException(String what, Duration retryAfter) {
        super(what + " busy", null, false, false);
        this.retryAfter = retryAfter;
    }

    /** Whole seconds to wait before trying again (at least 1), for the {@code Retry-After} header. */
    public long retryAfterSeconds() {
        return Math.max(1, (retryAfter.toMillis() + 999) / 1000);
    }
}
