package ca.gardien.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import java.util.function.UnaryOperator;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Per-subject keys for crypto-shredding: what Gardien keeps about one person (a rights request's identifiers and
 * details, …) is sealed with AES-256-GCM under a key of its own, and that key lives in a file of this folder, outside the
 * database. Destroying the key ({@link #shred}) makes every copy of the sealed values unreadable — the live rows and
 * every database dump or backup taken before, which hold only ciphertext. The folder is therefore not part of the
 * database's backups (docs/operations.md): nodes share it as they share the key directory.
 *
 * <p>A sealed value reads {@code sk1:<base64 of IV and ciphertext>}; a value without the prefix was stored before sealing
 * and is returned as it is. The key's id is bound to the ciphertext (additional authenticated data), so a value cannot
 * be moved under another subject's key. A record's fields are sealed ({@link #sealer}) and opened ({@link #opener})
 * with one read of its key.
 */
public final class SubjectKeys {

    /** What a sealed value starts with. */
    public static final String PREFIX = "sk1:";

    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public SubjectKeys(Path directory) {
        this.directory = directory;
    }

    /** A new key, written whole before it is used (owner-only file). */
    public UUID create() {
        var id = UUID.randomUUID();
        var key = new byte[32];
        RANDOM.nextBytes(key);
        try {
            Files.createDirectories(directory);
            KeyFolder.write(file(id), Base64.getEncoder().encodeToString(key), true);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write a subject key", e);
        }
        return id;
    }

    /** {@code plain} sealed under the key; null stays null. */
    public String seal(UUID keyId, String plain) {
        return sealer(keyId).apply(plain);
    }

    /** Seals the values of one record under its key, read once (null stays null). */
    public UnaryOperator<String> sealer(UUID keyId) {
        var key = new Lazy(keyId);
        return plain -> {
            if (plain == null) {
                return null;
            }
            var bytes = key.bytes();
            if (bytes == null) {
                throw new IllegalStateException("cannot seal under a destroyed subject key");
            }
            try {
                var iv = new byte[IV_BYTES];
                RANDOM.nextBytes(iv);
                var sealed =
                        cipher(Cipher.ENCRYPT_MODE, keyId, bytes, iv).doFinal(plain.getBytes(StandardCharsets.UTF_8));
                var out = ByteBuffer.allocate(IV_BYTES + sealed.length)
                        .put(iv)
                        .put(sealed)
                        .array();
                return PREFIX + Base64.getEncoder().encodeToString(out);
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("cannot seal with a subject key", e);
            }
        };
    }

    /**
     * The value in clear: a value stored before sealing as it is; null when the value is null or its key was destroyed
     * (the value is then unreadable for good).
     */
    public String open(UUID keyId, String stored) {
        return opener(keyId).apply(stored);
    }

    /** Opens the values of one record sealed under its key, read once, at the first sealed value. */
    public UnaryOperator<String> opener(UUID keyId) {
        var key = new Lazy(keyId);
        return stored -> {
            if (stored == null || !stored.startsWith(PREFIX)) {
                return stored;
            }
            var bytes = keyId == null ? null : key.bytes();
            if (bytes == null) {
                return null;
            }
            try {
                var all = Base64.getDecoder().decode(stored.substring(PREFIX.length()));
                var cipher = cipher(Cipher.DECRYPT_MODE, keyId, bytes, java.util.Arrays.copyOf(all, IV_BYTES));
                return new String(cipher.doFinal(all, IV_BYTES, all.length - IV_BYTES), StandardCharsets.UTF_8);
            } catch (GeneralSecurityException | IllegalArgumentException e) {
                throw new IllegalStateException("a sealed value does not open with its subject key", e);
            }
        };
    }

    /** Destroys the key: every value sealed under it, wherever a copy of it is, is unreadable from now on. */
    public void shred(UUID keyId) {
        if (keyId == null) {
            return;
        }
        try {
            Files.deleteIfExists(file(keyId));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot destroy a subject key", e);
        }
    }

    /** Whether the key still exists (false once shredded). */
    public boolean exists(UUID keyId) {
        return keyId != null && Files.exists(file(keyId));
    }

    private static Cipher cipher(int mode, UUID keyId, byte[] key, byte[] iv) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(keyId.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** A key's bytes, read from its file at the first use; null once the key is destroyed. */
    private final class Lazy {

        private final UUID keyId;
        private byte[] bytes;
        private boolean read;

        Lazy(UUID keyId) {
            this.keyId = keyId;
        }

        byte[] bytes() {
            if (!read) {
                try {
                    bytes = Base64.getDecoder()
                            .decode(Files.readString(file(keyId)).strip());
                } catch (NoSuchFileException e) {
                    bytes = null;
                } catch (IOException e) {
                    throw new UncheckedIOException("cannot read a subject key", e);
                }
                read = true;
            }
            return bytes;
        }
    }

    private Path file(UUID keyId) {
        return directory.resolve(keyId + ".key");
    }
}
