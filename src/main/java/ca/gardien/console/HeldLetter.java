package ca.gardien.console;

import ca.gardien.requests.RequestIntake;
import jakarta.servlet.http.HttpSession;
import java.io.Serializable;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

/**
 * The scanned letter of an officer entry whose save was refused, held so that the officer need not choose the file
 * again: in the signed-in session's memory only (one per session), under a random token the form sends back, for
 * {@link #KEPT_FOR}. Its content is {@code transient}: a session written to disk or to a store never carries it (the
 * form then says the file must be attached again). Nothing of it is written to the database or the ledger until the
 * request is saved. The token is what the form sends back to name the held letter (a guess from another session finds
 * nothing); the file's name, cleaned, is shown as "attached file: …".
 */
final class HeldLetter implements Serializable {

    private static final long serialVersionUID = 1L;
    static final Duration KEPT_FOR = Duration.ofMinutes(30);
    private static final String ATTRIBUTE = HeldLetter.class.getName();
    private static final SecureRandom RANDOM = new SecureRandom();

    private final String token;
    private final String fileName;
    private final Instant until;
    private final transient RequestIntake.Upload upload;

    private HeldLetter(String token, String fileName, Instant until, RequestIntake.Upload upload) {
        this.token = token;
        this.fileName = fileName;
        this.until = until;
        this.upload = upload;
    }

    public String token() {
        return token;
    }

    public String fileName() {
        return fileName;
    }

    RequestIntake.Upload upload() {
        return upload;
    }

    /** Holds the letter in the session, in place of any letter held before; returns what the form shows of it. */
    static HeldLetter hold(HttpSession session, RequestIntake.Upload letter, Instant now) {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        var token = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        var held = new HeldLetter(token, letter.fileName(), now.plus(KEPT_FOR), letter);
        session.setAttribute(ATTRIBUTE, held);
        return held;
    }

    /** The letter held under this token in this session, still within its time; null when there is none. */
    static HeldLetter find(HttpSession session, String token, Instant now) {
        if (session == null || token == null || token.isBlank()) {
            return null;
        }
        var held = session.getAttribute(ATTRIBUTE) instanceof HeldLetter h ? h : null;
        if (held == null
                || held.upload() == null
                || now.isAfter(held.until)
                || !MessageDigest.isEqual(held.token().getBytes(), token.getBytes())) {
            return null;
        }
        return held;
    }

    /** Forgets the held letter (saved with the request, removed by the officer, or replaced by another file). */
    static void forget(HttpSession session) {
        if (session != null) {
            session.removeAttribute(ATTRIBUTE);
        }
    }
}
