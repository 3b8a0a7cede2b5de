package ca.gardien.console;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import org.springframework.web.servlet.FlashMap;
import org.springframework.web.servlet.FlashMapManager;
import org.springframework.web.servlet.support.SessionFlashMapManager;

/**
 * What sessions keep for the redirect that follows a POST (a refused form's typed values, "done"), bounded twice.
 * Spring keeps one flash map per POST whose redirect is not followed, for three minutes, and clears them only on that
 * session's next request, so what an abandoned session holds stays until it times out (attacker's probes: one session
 * posting refused 1 MB forms ran a node out of memory in 20 s; one account signing in 180 times, four refused forms
 * each, did it in a minute). Per session at most {@value #PER_SESSION} maps, the oldest dropped first; per account at
 * most {@value #PER_ACCOUNT} characters over the time a session outlives its last request, beyond which a refusal comes
 * back without what was typed. A person follows each redirect at once and types far less.
 */
@Component("flashMapManager") // the name the DispatcherServlet looks up
class ConsoleFlashMaps implements FlashMapManager {

    static final int PER_SESSION = 4;
    static final long PER_ACCOUNT = 8_000_000;
    private static final int MAX_ACCOUNTS = 10_000;
    private static final Logger log = LoggerFactory.getLogger(ConsoleFlashMaps.class);

    private final SessionFlashMapManager sessions = new SessionFlashMapManager() {
        @Override
        protected void updateFlashMaps(List<FlashMap> maps, HttpServletRequest request, HttpServletResponse response) {
            super.updateFlashMaps(
                    maps.size() <= PER_SESSION
                            ? maps
                            : new java.util.ArrayList<>(maps.subList(maps.size() - PER_SESSION, maps.size())),
                    request,
                    response);
        }
    };
    private final Map<String, Kept> accounts = new ConcurrentHashMap<>();
    private final Clock clock;

    ConsoleFlashMaps(Clock clock) {
        this.clock = clock;
    }

    @Override
    public FlashMap retrieveAndUpdate(HttpServletRequest request, HttpServletResponse response) {
        return sessions.retrieveAndUpdate(request, response);
    }

    @Override
    public void saveOutputFlashMap(FlashMap flashMap, HttpServletRequest request, HttpServletResponse response) {
        var account = request.getRemoteUser();
        if (account != null && !flashMap.isEmpty()) {
            var session = request.getSession(false);
            long window =
                    session == null || session.getMaxInactiveInterval() <= 0 ? 1800 : session.getMaxInactiveInterval();
            if (accounts.size() >= MAX_ACCOUNTS && !accounts.containsKey(account)) {
                accounts.clear(); // the budget is a bound, not a record: starting again keeps it one
            }
            if (!accounts.computeIfAbsent(account, a -> new Kept())
                    .take(chars(flashMap, 0), clock.millis() / 60_000, Math.max(1, window / 60))) {
                log.warn("A refused form's typed values were not kept: the account is over its budget");
                return;
            }
        }
        sessions.saveOutputFlashMap(flashMap, request, response);
    }

    /**
     * The characters of the strings a value holds (maps, collections, a record's components: a letter's preview holds
     * its whole HTML), to a bounded depth.
     */
    static long chars(Object value, int depth) {
        if (depth > 4 || value == null) {
            return 0;
        }
        return switch (value) {
            case CharSequence s -> s.length();
            case Map<?, ?> m ->
                m.entrySet().stream()
                        .mapToLong(e -> chars(e.getKey(), depth + 1) + chars(e.getValue(), depth + 1))
                        .sum();
            case Collection<?> c ->
                c.stream().mapToLong(v -> chars(v, depth + 1)).sum();
            case Object[] a ->
                java.util.Arrays.stream(a).mapToLong(v -> chars(v, depth + 1)).sum();
            case Record r ->
                java.util.Arrays.stream(r.getClass().getRecordComponents())
                        .mapToLong(c -> {
                            try {
                                return chars(c.getAccessor().invoke(r), depth + 1);
                            } catch (ReflectiveOperationException | RuntimeException e) {
                                return 0; // a component it cannot read counts as nothing
                            }
                        })
                        .sum();
            default -> 0;
        };
    }

    /** What an account's sessions were given in the last minutes, one count a minute (constant memory). */
    static final class Kept {

        private final long[] perMinute = new long[120];
        private final long[] minuteOf = new long[120];

        /** Counts {@code chars} at this minute if the last {@code window} minutes leave room for them. */
        synchronized boolean take(long chars, long minute, long window) {
            long within = 0;
            for (int i = 0; i < perMinute.length; i++) {
                if (minute - minuteOf[i] < Math.min(window, perMinute.length)) { // up to two hours back
                    within += perMinute[i];
                }
            }
            if (within + chars > PER_ACCOUNT) {
                return false;
            }
            int slot = (int) (minute % perMinute.length);
            if (minuteOf[slot] != minute) {
                minuteOf[slot] = minute;
                perMinute[slot] = 0;
            }
            perMinute[slot] += chars;
            return true;
        }
    }
}
