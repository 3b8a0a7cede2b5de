package ca.gardien.ledger;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Instant;
import java.util.Optional;
import java.util.Properties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The alarm raised when Gardien refuses to sign a checkpoint because the chain's history changed: the file
 * {@code checkpoint-alarm} beside the signing key, shared by all nodes. While it exists no node signs, and
 * {@code GET /api/v1/ledger/verify} reports the ledger invalid. An operator deletes it after investigating
 * (docs/ledger-format.md, section 11); if the chain still does not link, the next checkpoint raises it again.
 */
final class SigningAlarm {

    static final String FILE = "checkpoint-alarm";
    private static final Logger log = LoggerFactory.getLogger(SigningAlarm.class);

    /** Why signing stopped: the first sequence that can no longer be trusted, a stable reason code and plain words. */
    record Raised(long sequence, String reason, String problem) {}

    private final Path file;
    /** Set only when the file cannot be written, so that this node at least keeps refusing until it restarts. */
    private volatile Raised unwritten;

    SigningAlarm(Path keyDirectory) {
        this.file = keyDirectory.resolve(FILE);
    }

    Optional<Raised> active() {
        try {
            var text = Files.readString(file, StandardCharsets.UTF_8);
            var fields = new Properties();
            fields.load(new java.io.StringReader(text));
            try {
                return Optional.of(new Raised(
                        Long.parseLong(fields.getProperty("sequence", "1")),
                        fields.getProperty("reason", "unknown"),
                        fields.getProperty("problem", "the alarm file gives no reason")));
            } catch (NumberFormatException e) {
                return Optional.of(new Raised(1, "unknown", "the alarm file gives no readable sequence"));
            }
        } catch (NoSuchFileException e) {
            return Optional.ofNullable(unwritten);
        } catch (IOException e) {
            return Optional.of(new Raised(1, "unreadable", "the alarm file cannot be read"));
        }
    }

    /** Writes the alarm (the first one stays if several nodes raise one) and logs it; the texts hold no personal data. */
    void raise(Raised alarm, Instant at) {
        log.error(
                "Ledger checkpoint refused: {} (reason {}, from sequence {}). No checkpoint will be signed until an"
                        + " operator investigates and deletes {}",
                alarm.problem(),
                alarm.reason(),
                alarm.sequence(),
                file);
        var text = "# Gardien stopped signing ledger checkpoints. Investigate (docs/ledger-format.md, section 11),"
                + " then delete this file to resume.\n"
                + "raisedAt=" + CanonicalForm.time(at) + "\nsequence=" + alarm.sequence() + "\nreason="
                + alarm.reason() + "\nproblem=" + alarm.problem() + "\n";
        try {
            Files.writeString(file, text, StandardCharsets.UTF_8, StandardOpenOption.CREATE_NEW);
        } catch (FileAlreadyExistsException e) {
            // another node raised it first
        } catch (IOException e) {
            unwritten = alarm;
            log.error(
                    "Cannot write the ledger alarm file {}: {}; this node refuses to sign until it restarts", file, e);
        }
    }
}
