package ca.gardien.requests;

import ca.gardien.shared.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA-256 key of this module (created at first start in the key directory): identifiers are looked up by
 * keyed digest, and verification codes and download tokens are stored only as keyed digests, so a copy of the database
 * alone reveals neither codes nor tokens. The consent module's key is its own internal; this one is separate on purpose.
 */
final class RequestKey {

    static final String FILE = "requests-hmac.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;

    RequestKey(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the requests HMAC key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    static RequestKey loadOrCreate(Path directory) {
        return new RequestKey(SecretFiles.readOrCreate(directory, FILE, 32));
    }

    /** Lower-case hex HMAC-SHA-256 of the text under a domain label. */
    String digest(String label, String text) {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            mac.update(label.getBytes(StandardCharsets.UTF_8));
            mac.update((byte) 0);
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    String digest(SubjectIdentifier identifier) {
        return digest(identifier.kind().name(), identifier.value());
    }

    static boolean sameDigest(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
    }

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
