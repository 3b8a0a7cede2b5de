package ca.gardien.console;

import ca.gardien.requests.RequestIntake;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.stereotype.Component;

/**
 * The scanned letters of officer entries whose save was refused, held so that the officer need not choose the file
 * again: in this node's memory only, never written to the database, a disk or the ledger until the request is saved;
 * under a random token the form sends back, for {@link #KEPT_FOR}. Bounded, because a letter may weigh the upload limit
 * (10 MB) and a signed-in attacker can open as many sessions as they like: one letter per account (a new one replaces
 * it, whatever the session), and at most {@link #MAX_BYTES} for the whole node — past it the oldest letters go first
 * (their forms then say to attach the file again). A letter past its time is dropped at the next hold.
 */
@Component
class HeldLetter {

    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    static final long MAX_BYTES = 64L * 1024 * 1024;
    private static final SecureRandom RANDOM = new SecureRandom();

    /** What the form shows of a held letter: the token it sends back and the file's name, cleaned. */
    record Held(String token, String fileName) {}

    private record Entry(String token, RequestIntake.Upload upload, Instant since, Instant until) {
        long size() {
            return upload.content() == null ? 0 : upload.content().length;
        }
    }

    private final Map<String, Entry> byAccount = new ConcurrentHashMap<>();

    /** Holds the account's letter, in place of any it held before; returns what the form shows of it. */
    synchronized Held hold(String account, RequestIntake.Upload letter, Instant now) {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        byAccount.put(account, new Entry(token, letter, now, now.plus(KEPT_FOR)));
        byAccount.values().removeIf(e -> now.isAfter(e.until()));
        long total = byAccount.values().stream().mapToLong(Entry::size).sum();
        var oldest = byAccount.entrySet().stream()
                .sorted(Comparator.comparing(e -> e.getValue().since()))
                .toList()
                .iterator();
        while (total > MAX_BYTES && oldest.hasNext()) {
            var gone = oldest.next();
            if (!gone.getKey().equals(account)) {
                byAccount.remove(gone.getKey());
                total -= gone.getValue().size();
            }
        }
        if (total > MAX_BYTES) { // this letter alone is over the bound: not held
            byAccount.remove(account);
            return null;
        }
        return new Held(token, letter.fileName());
    }

    /** The account's letter held under this token, still within its time; null when there is none. */
    RequestIntake.Upload find(String account, String token, Instant now) {
        var held = account == null || token == null ? null : byAccount.get(account);
        if (held == null
                || now.isAfter(held.until())
                || !MessageDigest.isEqual(held.token().getBytes(), token.getBytes())) {
            return null;
        }
        return held.upload();
    }

    /** Forgets the account's held letter (saved with the request, removed by the officer, replaced by another file). */
    void forget(String account) {
        if (account != null) {
            byAccount.remove(account);
        }
    }

    /** The bytes held on this node, for the test of the bound. */
    long heldBytes() {
        return byAccount.values().stream().mapToLong(Entry::size).sum();
    }
}
