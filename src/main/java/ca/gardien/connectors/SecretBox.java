package ca.gardien.connectors;

import ca.gardien.shared.SecretFiles;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * AES-256-GCM for connector secrets and the identities a run needs until it ends. The key file is created at first start
 * in the key directory; every node of a cluster needs the same file. Output: base64(nonce ‖ ciphertext ‖ tag).
 */
public final class SecretBox {

    static final String FILE = "connectors.key";
    private static final SecureRandom RANDOM = new SecureRandom();

    private final SecretKeySpec key;
    private volatile SecretKeySpec hashKey;

    SecretBox(byte[] key) {
        if (key.length != 32) {
            throw new IllegalArgumentException("the connectors key must be 32 bytes");
        }
        this.key = new SecretKeySpec(key, "AES");
    }

    static SecretBox loadOrCreate(Path directory) {
        return new SecretBox(SecretFiles.readOrCreate(directory, FILE, 32));
    }

    /** HMAC-SHA-256 under a key derived from the connectors key: the same value gives the same pseudonym. */
    public String keyedHash(String value) {
        try {
            var mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(hashKey());
            return java.util.HexFormat.of().formatHex(mac.doFinal(value.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA-256 is unavailable", e);
        }
    }

    /** Derived once: erasure and rectification hash value after value, row after row. */
    private SecretKeySpec hashKey() throws GeneralSecurityException {
        var derived = hashKey;
        if (derived == null) {
            var derive = javax.crypto.Mac.getInstance("HmacSHA256");
            derive.init(key);
            derived = new SecretKeySpec(derive.doFinal("keyed-hash".getBytes(StandardCharsets.UTF_8)), "HmacSHA256");
            hashKey = derived;
        }
        return derived;
    }

    public String seal(String plain) {
        if (plain == null) {
            return null;
        }
        try {
            var nonce = new byte[12];
            RANDOM.nextBytes(nonce);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(128, nonce));
            var sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
            return Base64.getEncoder()
                    .encodeToString(ByteBuffer.allocate(12 + sealed.length)
                            .put(nonce)
                            .put(sealed)
                            .array());
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is unavailable", e);
        }
    }

    public String open(String sealed) {
        if (sealed == null) {
            return null;
        }
        try {
            var bytes = Base64.getDecoder().decode(sealed);
            var cipher = Cipher.getInstance("AES/GCM/NoPadding");
            cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(128, bytes, 0, 12));
            return new String(cipher.doFinal(bytes, 12, bytes.length - 12), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("A connector secret does not open with this key (wrong connectors.key?)");
        }
    }
}
