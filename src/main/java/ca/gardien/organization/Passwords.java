package ca.gardien.organization;

import ca.gardien.shared.InvalidInputException;
import java.security.SecureRandom;
import java.util.Base64;
import org.springframework.security.crypto.argon2.Argon2PasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;

/** Argon2id hashing and the password rules for local accounts. */
@Component
class Passwords {

    static final int MIN_LENGTH = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final PasswordEncoder encoder = Argon2PasswordEncoder.defaultsForSpringSecurity_v5_8();

    PasswordEncoder encoder() {
        return encoder;
    }

    String hash(String field, String password) {
        if (password == null || password.length() < MIN_LENGTH || password.length() > 256) {
            throw new InvalidInputException(field, "must be 12 to 256 characters");
        }
        return encoder.encode(password);
    }

    boolean matches(String password, String hash) {
        return hash != null && password != null && encoder.matches(password, hash);
    }

    static String random() {
        var bytes = new byte[18];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
