package ca.gardien.shared;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Plain (unkeyed) SHA-256 digests of files, documents and bodies, in lower-case hex. Every module uses these. */
public final class Digests {

    private static final HexFormat HEX = HexFormat.of();

    private Digests() {}

    public static String sha256Hex(byte[] bytes) {
        return HEX.formatHex(sha256().digest(bytes));
    }

    /** The SHA-256 of the text's UTF-8 bytes. */
    public static String sha256Hex(String text) {
        return sha256Hex(text.getBytes(StandardCharsets.UTF_8));
    }

    /** The SHA-256 of everything the stream gives, read once without holding it in memory; closes the stream. */
    public static String sha256Hex(InputStream in) throws IOException {
        try (var digesting = new DigestInputStream(in, sha256())) {
            digesting.transferTo(OutputStream.nullOutputStream());
            return HEX.formatHex(digesting.getMessageDigest().digest());
        }
    }

    /** A new SHA-256 digest (not thread-safe: one per use or per caller). */
    public static MessageDigest sha256() {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    }
}
