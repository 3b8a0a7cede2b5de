package ca.gardien.consent;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The HMAC-SHA-256 key under which identifiers, IP addresses and user agents are kept: a look-up by keyed hash needs no
 * plaintext, and a stolen database alone cannot be reversed by hashing guesses. Created at first start.
 */
final class IdentifierKey {

    private static final Logger log = LoggerFactory.getLogger(IdentifierKey.class);
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
        try {
            Files.createDirectories(directory);
            var file = directory.resolve(FILE);
            if (Files.exists(file)) {
                return new IdentifierKey(
                        Base64.getDecoder().decode(Files.readString(file).strip()));
            }
            var secret = new byte[32];
            new SecureRandom().nextBytes(secret);
            Files.writeString(file, Base64.getEncoder().encodeToString(secret) + "\n");
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException e) {
                log.warn("The file system does not support POSIX permissions; protect the consent key file yourself");
            }
            log.info("Created the consent identifier key in the key directory");
            return new IdentifierKey(secret);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the consent identifier key", e);
        }
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
