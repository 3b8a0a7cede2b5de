package ca.gardien.shared;

import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;
import org.springframework.security.core.context.SecurityContextHolder;

/**
 * The PDFs rendered on demand for a reader (the incident register, a notice, an assessment's report, a retention
 * certificate): at most {@code gardien.letters.pdf-downloads-per-caller} at once for one caller (an account signed in,
 * an API token), and at most {@code gardien.letters.pdf-downloads} at once on the node for every caller (set at start:
 * {@link LetterPaper}). One more is refused at once, never queued ({@link BusyException}: 429 for the caller's own, 503
 * for the node's, with {@code Retry-After}). A few readers asking for a large register at once cannot hold every
 * processor (attacker's review: a register took minutes of CPU to build), and a reader's flood refuses only downloads:
 * a PDF that a step files or hands over (a complaint's answer, a rights request's answer) does not come here
 * ({@link PdfDocuments#fromXhtml}), so no read load can make a write wait or fail (code review: a write waited up to
 * 10 s for a turn, its transaction open, and failed with 503 behind another account's downloads).
 */
public final class PdfDownloads {

    /** When a refused download may be asked for again. */
    static final Duration RETRY_AFTER = Duration.ofSeconds(5);

    private static volatile Turns turns = new Turns(2, 3);

    private PdfDownloads() {}

    /**
     * {@code pdf}, rendered in one of the current caller's turns.
     *
     * @throws BusyException at once when the caller, or the node, has no turn free
     */
    public static byte[] render(Supplier<byte[]> pdf) {
        var mine = turns;
        var caller = caller();
        mine.take(caller);
        try {
            return pdf.get();
        } finally {
            mine.giveBack(caller);
        }
    }

    /** The limits from now on; the configuration sets them at start. */
    static void limits(int perCaller, int overall) {
        if (perCaller < 1) {
            throw new IllegalArgumentException("gardien.letters.pdf-downloads-per-caller must be at least 1");
        }
        if (overall < 1) {
            throw new IllegalArgumentException("gardien.letters.pdf-downloads must be at least 1");
        }
        turns = new Turns(perCaller, overall);
    }

    /** The downloads under way on this node (for tests). */
    static int underWay() {
        return turns.underWay();
    }

    /**
     * Who asks: the account signed in or the API token, as Spring Security names it (a token is {@code token:<id>}); one
     * key for callers not signed in. Kept in memory while a download is under way, never written anywhere.
     */
    private static String caller() {
        var auth = SecurityContextHolder.getContext().getAuthentication();
        return auth == null || !auth.isAuthenticated() ? "" : "caller:" + auth.getName();
    }

    /** The turns of one configuration: each caller's downloads under way, and the node's. */
    private static final class Turns {

        private final int perCaller;
        private final int overall;
        private final Semaphore node;
        private final ConcurrentHashMap<String, Integer> callers = new ConcurrentHashMap<>();

        Turns(int perCaller, int overall) {
            this.perCaller = perCaller;
            this.overall = overall;
            this.node = new Semaphore(overall);
        }

        void take(String caller) {
            var taken = new boolean[1];
            callers.compute(caller, (k, n) -> {
                int now = n == null ? 0 : n;
                taken[0] = now < perCaller;
                return taken[0] ? now + 1 : n;
            });
            if (!taken[0]) {
                throw BusyException.callersOwn("pdf-downloads-per-caller", RETRY_AFTER);
            }
            if (!node.tryAcquire()) {
                leave(caller);
                throw new BusyException("pdf-downloads", RETRY_AFTER);
            }
        }

        void giveBack(String caller) {
            node.release();
            leave(caller);
        }

        private void leave(String caller) {
            callers.computeIfPresent(caller, (k, n) -> n <= 1 ? null : n - 1);
        }

        int underWay() {
            return overall - node.availablePermits();
        }
    }
}
