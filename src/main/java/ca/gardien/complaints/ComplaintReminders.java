package ca.gardien.complaints;

import ca.gardien.ledger.Evidence;
import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds, before an open file's due date (the delay notice's date when one was sent), the staff member assigned to it
 * or else the person in charge: once per threshold of {@code gardien.complaints.reminders.days-before} and due date,
 * through the mail outbox (an internal notice), each a {@code complaints.reminder-sent} fact. The insert into
 * {@code complaints_reminder} is the claim, so several nodes may tick. Tests call {@link #tick()} with a moved clock.
 */
@Component
class ComplaintReminders {

    private final JdbcClient jdbc;
    private final ComplaintStore store;
    private final ComplaintClock clock;
    private final Outbox outbox;
    private final AccountViews accounts;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock instants;
    private final List<Integer> daysBefore;

    ComplaintReminders(
            JdbcClient jdbc,
            ComplaintStore store,
            ComplaintClock clock,
            Outbox outbox,
            AccountViews accounts,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock instants,
            @Value("${gardien.complaints.reminders.days-before:7,2}") List<Integer> daysBefore) {
        this.jdbc = jdbc;
        this.store = store;
        this.clock = clock;
        this.outbox = outbox;
        this.accounts = accounts;
        this.events = events;
        this.transactions = transactions;
        this.instants = instants;
        this.daysBefore = List.copyOf(daysBefore);
    }

    /** Sends the reminders now due; returns how many this call sent. */
    @Scheduled(
            fixedDelayString = "${gardien.complaints.reminders.tick:1h}",
            initialDelayString = "${gardien.complaints.reminders.tick:1h}")
    int tick() {
        var today = clock.today();
        int sent = 0;
        for (var c : store.list(ComplaintStatus.OPEN, null, null, Integer.MAX_VALUE)) {
            var due = c.effectiveDueOn();
            if (due == null) {
                continue;
            }
            long left = ChronoUnit.DAYS.between(today, due);
            // only the nearest threshold crossed: a file entered 3 days before its due date gets one reminder, not two
            var crossed =
                    daysBefore.stream().filter(d -> left >= 0 && left <= d).min(Integer::compare);
            if (crossed.isPresent() && Boolean.TRUE.equals(transactions.execute(s -> remind(c, crossed.get(), left)))) {
                sent++;
            }
        }
        return sent;
    }

    private boolean remind(Complaint c, int threshold, long left) {
        try {
            jdbc.sql("INSERT INTO complaints_reminder (complaint_id, due_on, days_before, sent_at) VALUES (?, ?, ?, ?)")
                    .params(
                            c.id(),
                            c.effectiveDueOn(),
                            threshold,
                            java.time.OffsetDateTime.ofInstant(instants.instant(), java.time.ZoneOffset.UTC))
                    .update();
        } catch (DuplicateKeyException e) {
            return false; // sent already, by this node or another
        }
        var to = recipient(c);
        if (to == null) {
            return false;
        }
        outbox.queue(new Message(
                Message.Channel.INTERNAL,
                "account:" + to,
                "complaint-reminder",
                Locale.CANADA_FRENCH,
                List.of(c.reference(), String.valueOf(left), c.effectiveDueOn().toString()),
                "complaint",
                c.id().toString()));
        var payload = new HashMap<String, String>(Map.of(
                "daysLeft", String.valueOf(left),
                "dueOn", c.effectiveDueOn().toString(),
                "to", to.toString()));
        events.publishEvent(Evidence.of(
                instants.instant(), Actor.SYSTEM, "complaints.reminder-sent", "complaint", c.id(), payload));
        return true;
    }

    /** The assigned staff member, else the person in charge (the first active one). */
    private UUID recipient(Complaint c) {
        if (c.assignedTo() != null) {
            return c.assignedTo();
        }
        return accounts.active(Role.PRIVACY_OFFICER).stream()
                .map(ca.gardien.organization.AccountRow::id)
                .findFirst()
                .orElse(null);
    }
}
