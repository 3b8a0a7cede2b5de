package ca.gardien.ledger;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;

/**
 * {@code checkpoints.log} beside the signing key: every signed checkpoint, one export checkpoint line each
 * (docs/ledger-format.md, section 5), outside the database, so that deleting checkpoints from the database is seen. All
 * nodes append to the same file under an exclusive file lock; a line appended twice or out of order is harmless, and a
 * line cut short by a crash is skipped.
 */
final class CheckpointLog {

    static final String FILE = "checkpoints.log";
    /** Enough for the last few dozen lines, where the newest checkpoint is even when nodes append out of order. */
    private static final int TAIL = 16 * 1024;

    private final Path file;

    CheckpointLog(Path keyDirectory) {
        this.file = keyDirectory.resolve(FILE);
    }

    Path file() {
        return file;
    }

    /** Appends the checkpoint's line and forces it to disk before returning. */
    void append(Checkpoint c) throws IOException {
        var out = new ByteArrayOutputStream(256);
        new ExportLines(out).checkpoint(withoutTimestamp(c));
        var line = out.toByteArray();
        synchronized (CheckpointLog.class) { // the file lock is per process: threads of one JVM take turns here
            try (var channel = FileChannel.open(
                            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
                    var lock = channel.lock()) {
                long end = channel.size();
                if (end > 0 && !endsWithNewline(channel, end)) {
                    channel.write(ByteBuffer.wrap(new byte[] {'\n'}), end++); // ends a line a crash cut short
                }
                channel.write(ByteBuffer.wrap(line), end);
                channel.force(true);
            }
        }
    }

    /** The logged checkpoint with the highest sequence, read from the end of the file. */
    Optional<Checkpoint> latest() throws IOException {
        try (var channel = FileChannel.open(file, StandardOpenOption.READ)) {
            long size = channel.size();
            int length = (int) Math.min(size, TAIL);
            var tail = ByteBuffer.allocate(length);
            while (tail.hasRemaining() && channel.read(tail, size - length + tail.position()) >= 0) {
                // reads until the tail is full
            }
            var text = new String(tail.array(), StandardCharsets.UTF_8);
            var lines = parse(length < size ? text.substring(text.indexOf('\n') + 1) : text);
            return lines.stream().max(Comparator.comparingLong(Checkpoint::sequence));
        } catch (NoSuchFileException e) {
            return Optional.empty();
        }
    }

    /** Every logged checkpoint, in file order. */
    List<Checkpoint> all() throws IOException {
        try {
            return parse(Files.readString(file, StandardCharsets.UTF_8));
        } catch (NoSuchFileException e) {
            return List.of();
        }
    }

    /** Complete lines only (a line is complete once its line feed is written); lines that do not parse are skipped. */
    private static List<Checkpoint> parse(String text) {
        var checkpoints = new ArrayList<Checkpoint>();
        int end = text.lastIndexOf('\n');
        for (var line :
                end < 0 ? List.<String>of() : text.substring(0, end).lines().toList()) {
            try {
                if (!line.isBlank() && ExportLines.parse(line) instanceof Checkpoint c) {
                    checkpoints.add(c);
                }
            } catch (RuntimeException e) {
                // a torn or foreign line proves nothing either way
            }
        }
        return checkpoints;
    }

    private static boolean endsWithNewline(FileChannel channel, long end) throws IOException {
        var last = ByteBuffer.allocate(1);
        channel.read(last, end - 1);
        return last.get(0) == '\n';
    }

    private static Checkpoint withoutTimestamp(Checkpoint c) {
        return new Checkpoint(c.sequence(), c.headHash(), c.signedAt(), c.keyId(), c.publicKeyPem(), c.signature());
    }
}
