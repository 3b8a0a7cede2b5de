package ca.gardien.complaints;

import ca.gardien.mail.OutboxMessage;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A complaint file as the console's page shows it to the signed-in reader: the file, the steps this reader may take now
 * (names such as {@code assign}, {@code requestInformation}, {@code informationReceived}, {@code delayNotice},
 * {@code note}, {@code document}, {@code link}, {@code answer}, {@code close}), to whom it may be assigned, and the
 * name of the account it is assigned to (null when none), the reference of the rights request it concerns (null
 * when none), and the messages Gardien queued about the file (its acknowledgement, letters, reminders), oldest first,
 * which the page lists without their text.
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintPage(
        ComplaintView file,
        Set<String> actions,
        List<Assignee> assignees,
        String assignedTo,
        String requestReference,
        List<OutboxMessage> messages) {

    /** An account the file may be assigned to: an active staff account. */
    public record Assignee(UUID id, String name) {}

    public ComplaintPage {
        actions = Set.copyOf(actions);
        assignees = List.copyOf(assignees);
        messages = List.copyOf(messages);
    }

    public boolean may(String action) {
        return actions.contains(action);
    }
}
