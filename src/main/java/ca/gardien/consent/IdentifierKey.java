package ca.gardien.consent;

import ca.gardien.shared.SecretFiles;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The HMAC-SHA-256 key under which identifiers, IP addresses and user agents are kept: a look-up by keyed hash needs no
 * plaintext, and a stolen database alone cannot be reversed by hashing guesses. Created at first start.
 */
final class IdentifierKey {

    static final String FILE = "consent-hmac.key";

    private final SecretKeySpec key;
    // Mac.getInstance costs more than the MAC itself on the decision path; a Mac is not thread-safe.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    IdentifierKey(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("the consent HMAC key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    static IdentifierKey loadOrCreate(Path directory) {
        return new IdentifierKey(SecretFiles.readOrCreate(directory, FILE, 32));
    }

    /** Lower-case hex HMAC-SHA-256 of the text, with a domain label so that equal values of different kinds differ. */
    String digest(String label, String text) {
        var mac = macs.get();
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    private Mac newMac() {
        try {
            var mac = Mac.getInstance("HmacSHA256");
            mac.init(key);
            return mac;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    String digest(Identifier identifier) {
        return digest(identifier.kind().prefix(), identifier.value());
    }
}
