package ca.gardien.shared;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;

/**
 * Random secret keys kept as Base64 text files in a key directory, readable by their owner only. Several nodes may
 * share the directory: the first to create a key wins and the others read it.
 */
public final class SecretFiles {

    private static final SecureRandom RANDOM = new SecureRandom();

    private SecretFiles() {}

    /** The key in {@code directory/fileName}, created with {@code length} random bytes when absent. */
    public static byte[] readOrCreate(Path directory, String fileName, int length) {
        var file = directory.resolve(fileName);
        try {
            if (Files.exists(file)) {
                return read(file);
            }
            Files.createDirectories(directory);
            var secret = new byte[length];
            RANDOM.nextBytes(secret);
            var draft = Files.createTempFile(directory, fileName, ".new");
            ownerOnly(draft);
            Files.writeString(draft, Base64.getEncoder().encodeToString(secret) + "\n");
            try {
                publish(draft, file);
            } catch (FileAlreadyExistsException e) {
                return read(file); // another node created it first
            } finally {
                Files.deleteIfExists(draft);
            }
            return secret;
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or create the key file " + fileName, e);
        }
    }

    /** A hard link appears atomically and never replaces an existing file, unlike a rename. */
    private static void publish(Path draft, Path file) throws IOException {
        try {
            Files.createLink(file, draft);
        } catch (UnsupportedOperationException e) {
            Files.move(draft, file);
        }
    }

    private static byte[] read(Path file) throws IOException {
        return Base64.getDecoder().decode(Files.readString(file).strip());
    }

    /** Readable by its owner only, where the file system has POSIX permissions. */
    static void ownerOnly(Path file) throws IOException {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException e) {
            // Not a POSIX file system: the operator protects the key directory (docs/production.md).
        }
    }
}
