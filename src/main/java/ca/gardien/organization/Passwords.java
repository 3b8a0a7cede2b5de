package ca.gardien.organization;

import java.security.SecureRandom;
import java.text.Normalizer;
import java.util.Base64;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id hashing of NFKC-normalized passwords, and the rule ({@link PasswordRule}) a new password must meet. */
@Component
class Passwords {

    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordRule rule;
    private final PasswordEncoder encoder = new Normalizing(Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8());

    Passwords(PasswordRule rule) {
        this.rule = rule;
    }

    PasswordEncoder encoder() {
        return encoder;
    }

    /** Checks a new password of {@code username} against the rule, naming {@code field} if refused, and hashes it. */
    String hash(String field, String password, String username) {
        return encoder.encode(rule.check(field, password, username));
    }

    /** Checks a new password of {@code username} against the rule, naming {@code field} if refused. */
    void check(String field, String password, String username) {
        rule.check(field, password, username);
    }

    boolean matches(String password, String hash) {
        return hash != null && password != null && encoder.matches(password, hash);
    }

    /**
     * A one-time password the rule takes: 24 random characters, drawn again in the rare case they hold a simple sequence
     * ("abcd", "1234"), which would have stopped the first start.
     */
    static String random() {
        var bytes = new byte[18];
        String password;
        do {
            RANDOM.nextBytes(bytes);
            password = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        } while (PasswordPatterns.containsRun(password.toLowerCase(java.util.Locale.ROOT)));
        return password;
    }

    /**
     * The same password typed on two devices may arrive composed differently ("é" as one or two code points): both are
     * hashed and compared in NFKC form. Hashes made before normalization are still matched by the raw form, which
     * costs a second hash only when the typed password is not already normalized (it depends on the input alone).
     */
    private record Normalizing(PasswordEncoder argon) implements PasswordEncoder {

        @Override
        public String encode(CharSequence raw) {
            return argon.encode(normalize(raw));
        }

        @Override
        public boolean matches(CharSequence raw, String hash) {
            var normalized = normalize(raw);
            return argon.matches(normalized, hash) || (!normalized.contentEquals(raw) && argon.matches(raw, hash));
        }

        @Override
        public boolean upgradeEncoding(String hash) {
            return argon.upgradeEncoding(hash);
        }

        private static String normalize(CharSequence raw) {
            return Normalizer.normalize(raw, Normalizer.Form.NFKC);
        }
    }
}
