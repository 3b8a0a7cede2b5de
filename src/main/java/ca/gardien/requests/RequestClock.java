package ca.gardien.requests;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import ca.gardien.shared.IdentifierKind;
import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * The scheduled tick: deemed refusal at expiry where the profile says so (Québec, s. 32), and reminders to assignees
 * at the configured days left. Every node may run it: moves are conditional and reminders are keyed by task and
 * threshold, so each happens once. Tests call {@link #tick()} with a moved clock.
 */
@Component
class RequestClock {

    /** The outbox template of the notice that a request is deemed refused, with its remedies. */
    static final String DEEMED_REFUSAL = "requests.deemed-refusal";

    private final RequestStore requests;
    private final TaskStore tasks;
    private final Deadlines deadlines;
    private final RequestFacts facts;
    private final Outbox outbox;
    private final RequestsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    RequestClock(
            RequestStore requests,
            TaskStore tasks,
            Deadlines deadlines,
            RequestFacts facts,
            Outbox outbox,
            RequestsProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.requests = requests;
        this.tasks = tasks;
        this.deadlines = deadlines;
        this.facts = facts;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gardien.requests.tick:1m}", initialDelayString = "${gardien.requests.tick:1m}")
    void tick() {
        var now = clock.instant();
        for (var request :
                requests.overdue(LocalDate.ofInstant(now, ZoneOffset.UTC).plusDays(1))) {
            var today = deadlines.dayOf(request.jurisdiction(), now);
            if (deadlines.deemsRefusal(request.jurisdiction())
                    && request.dueOn().isBefore(today)) {
                transactions.executeWithoutResult(s -> deemRefused(request));
            }
        }
        var today = LocalDate.ofInstant(now, ZoneOffset.UTC);
        int furthest = properties.workflow().reminderDaysLeft().stream()
                .max(Integer::compare)
                .orElse(0);
        for (var task : tasks.openAssignedDueBy(today.plusDays(furthest))) {
            try {
                transactions.executeWithoutResult(
                        s -> remind(task, (int) ChronoUnit.DAYS.between(today, task.dueOn())));
            } catch (DataIntegrityViolationException e) {
                // another node recorded this reminder at the same moment: it sent it
            }
        }
    }

    private void deemRefused(RightsRequest request) {
        if (!requests.move(request.id(), request.status(), RequestStatus.DEEMED_REFUSED, clock.instant())) {
            return; // another node got there first, or the request moved on
        }
        facts.moved(
                request,
                RequestStatus.DEEMED_REFUSED,
                Actor.SYSTEM,
                Map.of("dueOn", request.dueOn().toString()));
        requests.identifiers(request.id()).stream()
                .filter(i -> i.kind() == IdentifierKind.EMAIL)
                .findFirst()
                .ifPresent(email -> outbox.queue(new Message(
                        Message.Channel.EMAIL,
                        email.value(),
                        DEEMED_REFUSAL,
                        Locale.forLanguageTag(request.language()),
                        List.of(
                                request.reference(),
                                deadlines.inWords(request.dueOn(), request.language()),
                                String.valueOf(deadlines.remedyDays(request.jurisdiction()))),
                        "request",
                        request.id().toString(),
                        true)));
    }

    private void remind(RequestTask task, int daysLeft) {
        var crossed = properties.workflow().reminderDaysLeft().stream()
                .filter(threshold -> daysLeft <= threshold && !tasks.reminded(task.id(), threshold))
                .toList();
        if (crossed.isEmpty()) {
            return;
        }
        crossed.forEach(threshold -> tasks.remind(task.id(), threshold, clock.instant()));
        outbox.queue(new Message(
                Message.Channel.INTERNAL,
                "account:" + task.assignee(),
                "requests.reminder",
                Locale.CANADA_FRENCH,
                List.of(
                        task.requestId().toString(),
                        task.systemId(),
                        String.valueOf(daysLeft),
                        task.dueOn().toString()),
                "task",
                task.id().toString()));
        facts.record(
                "reminder-sent",
                task.requestId(),
                Actor.SYSTEM,
                Map.of("task", task.id().toString(), "daysLeft", String.valueOf(daysLeft)));
    }
}
