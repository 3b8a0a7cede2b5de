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
 * when none), the messages Gardien queued about the file (its acknowledgement, letters, reminders), oldest first,
 * which the page lists without their text, and the ids of the messages that have not left ({@code heldMessages}, {@link
 * ca.gardien.mail.HeldMail}: stored with no mail server, or stored before one was configured and not sent since).
 * Whether an email queued now stays in the outbox is every console page's {@code mailHeld}.
 */
@org.springframework.modulith.NamedInterface("views")
public record ComplaintPage(
        ComplaintView file,
        Set<String> actions,
        List<Assignee> assignees,
        String assignedTo,
        String requestReference,
        List<OutboxMessage> messages,
        Set<UUID> heldMessages) {

    /** The letters emailed to the complainant, by template, and when the file still waits on each. */
    private static final java.util.Map<String, java.util.function.Predicate<Complaint>> LETTERS = java.util.Map.of(
            // closed too: closing does not send it (officer's walk), recording it transmitted another way ends it
            "complaint-answer", c -> c.status() == ComplaintStatus.ANSWERED || c.status() == ComplaintStatus.CLOSED,
            "complaint-information", c -> c.status() == ComplaintStatus.AWAITING_INFORMATION,
            // its new due date in force: information received since starts a new period without it
            "complaint-delay", c -> c.status() == ComplaintStatus.OPEN && c.delayDueOn() != null);

    /** An account the file may be assigned to: an active staff account. */
    public record Assignee(UUID id, String name) {}

    public ComplaintPage {
        actions = Set.copyOf(actions);
        assignees = List.copyOf(assignees);
        messages = List.copyOf(messages);
        heldMessages = Set.copyOf(heldMessages);
    }

    public boolean may(String action) {
        return actions.contains(action);
    }

    /**
     * The letter whose email has not left ({@code heldMessages}), while the file still waits on it —
     * the answer while answered or closed until recorded transmitted another way, the information request while awaiting information, the delay notice while its date
     * is the file's — or
     * null: the page says so and how to pass it on (officer's review: "C'est fait", "Répondue" and "Réponse motivée
     * envoyée" while only the messages' table said "Retenu dans la boîte d'envoi").
     */
    public OutboxMessage heldLetter() {
        return heldLetter(file, messages, heldMessages);
    }

    /**
     * The held letter of a file from its messages and those held among them ({@link #heldLetter()}): the file's page
     * reads it before it is built, to offer {@code answerTransmitted} (an answered or closed file's held letter is its
     * answer) without asking the outbox again.
     */
    static OutboxMessage heldLetter(ComplaintView file, List<OutboxMessage> messages, Set<UUID> heldMessages) {
        OutboxMessage last = null;
        boolean passedOn = transmitted(file) != null;
        for (var message : messages) {
            if (passedOn && "complaint-answer".equals(message.template())) {
                continue;
            }
            if (LETTERS.getOrDefault(message.template(), c -> false).test(file.complaint())) {
                last = message;
            }
        }
        return last != null && heldMessages.contains(last.id()) ? last : null;
    }

    /**
     * The line that records the held answer transmitted another way (its day and means, {@link ComplaintStep#days} and
     * {@link ComplaintStep#means}), the last one; null when none.
     */
    public ComplaintStep transmitted() {
        return transmitted(file);
    }

    private static ComplaintStep transmitted(ComplaintView file) {
        return file.timeline().stream()
                .filter(s -> AnswerTransmitted.STEP.equals(s.step()))
                .reduce((a, b) -> b)
                .orElse(null);
    }
}
