package ca.gardien.shared;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * A module's HMAC-SHA-256 key and the keyed digests made with it: identifiers are looked up by keyed digest, and codes,
 * tokens, addresses and rate-limited keys are stored only as keyed digests, so a copy of the database alone cannot be
 * reversed by hashing guesses. Each module keeps its own key file (created at first start in its key directory); the
 * digest scheme is one: HMAC of {@code label, 0x00, text} in lower-case hex, an identifier under its kind's
 * {@linkplain IdentifierKind#label() label}.
 */
public final class KeyedDigest {

    private final SecretKeySpec key;
    // Mac.getInstance costs more than the MAC itself on a decision path; a Mac is not thread-safe.
    private final ThreadLocal<Mac> macs = ThreadLocal.withInitial(this::newMac);

    public KeyedDigest(byte[] secret) {
        if (secret.length < 32) {
            throw new IllegalArgumentException("an HMAC key needs at least 32 bytes");
        }
        this.key = new SecretKeySpec(secret, "HmacSHA256");
    }

    /** The key kept in {@code directory/fileName}, created with 32 random bytes at first start. */
    public static KeyedDigest loadOrCreate(Path directory, String fileName) {
        return new KeyedDigest(SecretFiles.readOrCreate(directory, fileName, 32));
    }

    /** Lower-case hex HMAC-SHA-256 of the text under a domain label, so that equal texts of different uses differ. */
    public String digest(String label, String text) {
        var mac = macs.get();
        mac.update(label.getBytes(StandardCharsets.UTF_8));
        mac.update((byte) 0);
        return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    }

    /** The digest of a normalized identifier under its kind's label. */
    public String digest(SubjectIdentifier identifier) {
        return digest(identifier.kind().label(), identifier.value());
    }

    /**
     * The digests an identifier may be stored under: the current one first, then the one written before the label
     * scheme was one (the requests module labelled with the upper-case kind name, {@code EMAIL}). A look-up of stored
     * digests matches any of them; nothing is rewritten, since a stored digest cannot be recomputed without its value.
     */
    public List<String> storedDigests(SubjectIdentifier identifier) {
        return List.of(digest(identifier), digest(identifier.kind().name(), identifier.value()));
    }

    /** Compares two digests in constant time; false when either is missing. */
    public static boolean same(String a, String b) {
        return a != null
                && b != null
                && MessageDigest.isEqual(a.getBytes(StandardCharsets.US_ASCII), b.getBytes(StandardCharsets.US_ASCII));
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

    @Override
    public String toString() {
        return "KeyedDigest[HMAC-SHA-256]";
    }
}
