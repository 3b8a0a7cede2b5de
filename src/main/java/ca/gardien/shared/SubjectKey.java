package ca.gardien.shared;

import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.UUID;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * One subject's key, as one record uses it: its file is read once, at the first sealed value, and every field and
 * document of the record is sealed or opened with it. A record stored before sealing has no key ({@code null} id):
 * its values are stored and returned as they are. Obtained from {@link SubjectKeys#key}.
 *
 * <p>A sealed text reads {@code sk1:<base64 of IV and ciphertext>}; sealed bytes are the ASCII {@code sk1:} followed by
 * the IV and the ciphertext. The key's id is the additional authenticated data, so a value cannot be moved under
 * another subject's key. Documents too large for memory are sealed and opened as streams ({@link #sealing},
 * {@link #opening}).
 */
public final class SubjectKey {

    private static final byte[] PREFIX_BYTES = SubjectKeys.PREFIX.getBytes(StandardCharsets.US_ASCII);
    private static final int IV_BYTES = 12;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final UUID id;
    private final Path file;
    private byte[] bytes;
    private boolean read;

    SubjectKey(UUID id, Path file) {
        this.id = id;
        this.file = file;
    }

    /** The key's id; null for a record stored before sealing. */
    public UUID id() {
        return id;
    }

    /** {@code plain} sealed under this key (null stays null; without a key, stored as it is). */
    public String seal(String plain) {
        if (plain == null || id == null) {
            return plain;
        }
        return SubjectKeys.PREFIX + Base64.getEncoder().encodeToString(encrypt(plain.getBytes(StandardCharsets.UTF_8)));
    }

    /** The value in clear: a value stored before sealing as it is; null when null or the key was destroyed. */
    public String open(String stored) {
        if (stored == null || !stored.startsWith(SubjectKeys.PREFIX)) {
            return stored;
        }
        byte[] all;
        try {
            all = Base64.getDecoder().decode(stored.substring(SubjectKeys.PREFIX.length()));
        } catch (IllegalArgumentException e) {
            throw new IllegalStateException("a sealed value does not open with its subject key", e);
        }
        var plain = decrypt(all, 0);
        return plain == null ? null : new String(plain, StandardCharsets.UTF_8);
    }

    /** A document's content sealed under this key (without a key, stored as it is). */
    public byte[] sealBytes(byte[] plain) {
        if (plain == null || id == null) {
            return plain;
        }
        var sealed = encrypt(plain);
        return ByteBuffer.allocate(PREFIX_BYTES.length + sealed.length)
                .put(PREFIX_BYTES)
                .put(sealed)
                .array();
    }

    /** A document's content in clear; stored before sealing, as it is; null once the key was destroyed. */
    public byte[] openBytes(byte[] stored) {
        if (stored == null
                || stored.length < PREFIX_BYTES.length
                || !Arrays.equals(stored, 0, PREFIX_BYTES.length, PREFIX_BYTES, 0, PREFIX_BYTES.length)) {
            return stored;
        }
        return decrypt(stored, PREFIX_BYTES.length);
    }

    /**
     * A document too large for memory (an export package), sealed as it is written into {@code out} ({@link
     * SealedStream}); closing the returned stream ends the document and closes {@code out}. Without a key, written as
     * it is.
     */
    public OutputStream sealing(OutputStream out) throws IOException {
        if (id == null) {
            return out;
        }
        var key = bytes();
        if (key == null) {
            throw new ConflictException("problem.conflict.subject-key-gone");
        }
        return SealedStream.sealing(out, key, id);
    }

    /**
     * A document written by {@link #sealing}, in clear as it is read (an alteration or a cut fails the read with an
     * IOException); a document stored before sealing, as it is; null once the key was destroyed.
     */
    public InputStream opening(InputStream in) throws IOException {
        var buffered = new BufferedInputStream(in);
        buffered.mark(SealedStream.MAGIC.length);
        var start = buffered.readNBytes(SealedStream.MAGIC.length);
        if (!Arrays.equals(start, SealedStream.MAGIC)) {
            buffered.reset();
            return buffered;
        }
        var key = id == null ? null : bytes();
        if (key == null) {
            buffered.close();
            return null;
        }
        return SealedStream.opening(buffered, key, id);
    }

    private byte[] encrypt(byte[] plain) {
        var key = bytes();
        if (key == null) {
            // the record's personal information was destroyed, or its key lost (a database restored without its keys):
            // nothing more can be kept about the person in it
            throw new ConflictException("problem.conflict.subject-key-gone");
        }
        try {
            var iv = new byte[IV_BYTES];
            RANDOM.nextBytes(iv);
            var sealed = cipher(Cipher.ENCRYPT_MODE, key, iv).doFinal(plain);
            return ByteBuffer.allocate(IV_BYTES + sealed.length)
                    .put(iv)
                    .put(sealed)
                    .array();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("cannot seal with a subject key", e);
        }
    }

    /** The clear bytes of IV + ciphertext starting at {@code from}; null when there is no key (any more). */
    private byte[] decrypt(byte[] all, int from) {
        var key = id == null ? null : bytes();
        if (key == null) {
            return null;
        }
        if (all.length - from < IV_BYTES) {
            throw new IllegalStateException("a sealed value does not open with its subject key");
        }
        try {
            var cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(all, from, from + IV_BYTES));
            return cipher.doFinal(all, from + IV_BYTES, all.length - from - IV_BYTES);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("a sealed value does not open with its subject key", e);
        }
    }

    private Cipher cipher(int mode, byte[] key, byte[] iv) throws GeneralSecurityException {
        var cipher = Cipher.getInstance("AES/GCM/NoPadding");
        cipher.init(mode, new SecretKeySpec(key, "AES"), new GCMParameterSpec(128, iv));
        cipher.updateAAD(id.toString().getBytes(StandardCharsets.US_ASCII));
        return cipher;
    }

    /** The key's bytes, read from its file at the first use; null once the key is destroyed. */
    private byte[] bytes() {
        if (!read) {
            try {
                bytes = Base64.getDecoder().decode(Files.readString(file).strip());
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
