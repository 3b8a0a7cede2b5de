package ca.gardien.incidents;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * While a required notice is unsent, reminds the account that recorded the entry every
 * {@link IncidentsProperties#reminderEvery()} since awareness (an internal notice in the outbox) and records it in the
 * ledger. Each reminder number is claimed once, so several nodes may tick. Tests call {@link #tick()} with a moved
 * clock.
 */
@Component
class IncidentReminders {

    private final IncidentStore store;
    private final IncidentFacts facts;
    private final Outbox outbox;
    private final IncidentsProperties properties;
    private final TransactionTemplate transactions;
    private final Clock clock;

    IncidentReminders(
            IncidentStore store,
            IncidentFacts facts,
            Outbox outbox,
            IncidentsProperties properties,
            TransactionTemplate transactions,
            Clock clock) {
        this.store = store;
        this.facts = facts;
        this.outbox = outbox;
        this.properties = properties;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Scheduled(fixedDelayString = "${gardien.incidents.tick:5m}", initialDelayString = "${gardien.incidents.tick:5m}")
    void tick() {
        var now = clock.instant();
        for (var incident : store.all()) {
            var unsent = incident.unsentNotices();
            if (incident.status() == IncidentStatus.CLOSED
                    || unsent.isEmpty()
                    || incident.noNoticeReason() != null
                    || !incident.createdBy().startsWith("account:")) {
                continue;
            }
            var since = Duration.between(incident.awareAt().toInstant(), now);
            int number = (int) Math.min(Integer.MAX_VALUE, since.dividedBy(properties.reminderEvery()));
            if (number < 1) {
                continue;
            }
            transactions.executeWithoutResult(status -> remind(incident, unsent, number, since));
        }
    }

    private void remind(Incident incident, List<RiskAssessment.Notice> unsent, int number, Duration since) {
        if (!store.claimReminder(incident.id(), number, clock.instant())) {
            return;
        }
        outbox.queue(new Message(
                Message.Channel.INTERNAL,
                incident.createdBy(),
                "incidents.reminder",
                Locale.CANADA_FRENCH,
                List.of(incident.reference(), String.valueOf(since.toHours())),
                "incident",
                incident.id().toString()));
        facts.record(
                "reminder-sent",
                incident.id(),
                Actor.SYSTEM,
                Map.of(
                        "number", String.valueOf(number),
                        "unsent", unsent.stream().map(Enum::name).sorted().collect(Collectors.joining(","))));
    }
}
