package ca.gardien.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.UUID;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * Per-subject keys for crypto-shredding: what Gardien keeps about one person (a rights request's identifiers and
 * details, …) is sealed with AES-256-GCM under a key of its own, and that key lives in a file of this folder, outside the
 * database. Destroying the key ({@link #shred}) makes every copy of the sealed values unreadable — the live rows and
 * every database dump or backup taken before, which hold only ciphertext. The folder is therefore not part of the
 * database's backups (docs/operations.md): nodes share it as they share the key directory.
 *
 * <p>A sealed value reads {@code sk1:<base64 of IV and ciphertext>}; a value without the prefix was stored before sealing
 * and is returned as it is. The key's id is bound to the ciphertext (additional authenticated data), so a value cannot
 * be moved under another subject's key. A record's texts and documents are sealed and opened through its
 * {@link #key}, which reads the key's file once.
 */
public final class SubjectKeys {

    /** What a sealed value starts with. */
    public static final String PREFIX = "sk1:";

    private static final SecureRandom RANDOM = new SecureRandom();

    private final Path directory;

    public SubjectKeys(Path directory) {
        this.directory = directory;
    }

    /**
     * A new key, written whole before it is used (owner-only file). Created inside a transaction that then rolls back
     * (a refused intake, a lost race), the key is deleted again: no row names it, nothing was sealed under it that
     * anyone keeps.
     */
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
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCompletion(int status) {
                    if (status == STATUS_ROLLED_BACK) {
                        shred(id);
                    }
                }
            });
        }
        return id;
    }

    /** The key of one record, read once at its first use; {@code null} for a record stored before sealing. */
    public SubjectKey key(UUID keyId) {
        return new SubjectKey(keyId, keyId == null ? null : file(keyId));
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

    private Path file(UUID keyId) {
        return directory.resolve(keyId + ".key");
    }
}
