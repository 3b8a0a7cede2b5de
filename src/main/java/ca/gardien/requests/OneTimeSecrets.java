package ca.gardien.requests;

import java.security.SecureRandom;
import java.util.Base64;

/** The random secrets this module hands out; they are stored only as keyed digests. */
final class OneTimeSecrets {

    private static final SecureRandom RANDOM = new SecureRandom();

    private OneTimeSecrets() {}

    /** A random one-time code of six digits. */
    static String code() {
        return String.format("%06d", RANDOM.nextInt(1_000_000));
    }

    /** A random URL-safe token of 256 bits. */
    static String token() {
        var bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
