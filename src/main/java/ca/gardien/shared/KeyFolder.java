package ca.gardien.shared;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.security.GeneralSecurityException;

/**
 * A key folder several nodes share, for keys made of more than one file (a private key and its public key or
 * certificate). Nodes that start together on an empty folder create the key one at a time: the creation runs under an
 * exclusive lock on {@code .lock} in the folder, held across processes and across threads of one process, and each file
 * appears whole (written aside, then renamed). A folder that already holds the key is read without the lock, so a
 * read-only folder (a mounted secret) works.
 */
public final class KeyFolder {

    /** What runs under the lock: checks again whether the key exists, and creates it if not. */
    public interface Creation<T> {
        T run() throws IOException, GeneralSecurityException;
    }

    private static final Object IN_THIS_PROCESS = new Object();

    private KeyFolder() {}

    /** Runs {@code creation} while this node alone holds the folder's lock. */
    public static <T> T exclusively(Path directory, Creation<T> creation) throws IOException, GeneralSecurityException {
        Files.createDirectories(directory);
        synchronized (IN_THIS_PROCESS) { // a file lock is per process: threads of this one queue here
            try (var channel = FileChannel.open(
                            directory.resolve(".lock"), StandardOpenOption.CREATE, StandardOpenOption.WRITE);
                    var lock = channel.lock()) {
                return creation.run();
            }
        }
    }

    /** Writes {@code text} to {@code file} whole: another node reads the old content or the new, never a part. */
    public static void write(Path file, String text, boolean ownerOnly) throws IOException {
        var draft = Files.createTempFile(file.getParent(), file.getFileName().toString(), ".new");
        try {
            if (ownerOnly) {
                SecretFiles.ownerOnly(draft);
            }
            Files.writeString(draft, text);
            Files.move(draft, file, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
        } finally {
            Files.deleteIfExists(draft);
        }
    }
}
