package ca.gardien.mail;

import java.time.Instant;
import org.springframework.modulith.NamedInterface;

/**
 * One message as the console shows it in full: its line, its text (plain text, for the page to escape), when it was
 * sent and the object it is about. {@code toString} leaves out everything personal.
 *
 * @param body the text; null when {@code withheld}
 * @param withheld whether the text is not shown: a one-time code or download link that already went out to the person
 *     ({@link OutboxViews#ONE_TIME})
 * @param relatedType the kind of object it is about (e.g. {@code request}), or null
 * @param relatedId the id of that object, or null
 * @param sendable whether it may be sent now from the console ({@link HeldMailRelease}): a held email, a mail server
 *     configured
 */
@NamedInterface("views")
public record OutboxView(
        OutboxEntry entry,
        String body,
        boolean withheld,
        Instant sentAt,
        String relatedType,
        String relatedId,
        boolean sendable) {

    @Override
    public String toString() {
        return "OutboxView[" + entry + "]";
    }
}
