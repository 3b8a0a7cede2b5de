package ca.gardien.assessments;

import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds of measures past their due date and not done: once per measure, an internal notice in the outbox to the
 * account the assessment is assigned to (or that started it), and a ledger fact. Each reminder is claimed once, so
 * several nodes may tick. Tests call {@link #tick()} with a moved clock.
 */
@Component
class MeasureReminders {

    private final AssessmentStore store;
    private final AssessmentFacts facts;
    private final Outbox outbox;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ca.gardien.organization.OrganizationTime time;
    private final AccountViews accounts;

    MeasureReminders(
            AccountViews accounts,
            AssessmentStore store,
            AssessmentFacts facts,
            Outbox outbox,
            TransactionTemplate transactions,
            Clock clock,
            ca.gardien.organization.OrganizationTime time) {
        this.store = store;
        this.facts = facts;
        this.outbox = outbox;
        this.transactions = transactions;
        this.clock = clock;
        this.time = time;
        this.accounts = accounts;
    }

    @Scheduled(
            fixedDelayString = "${gardien.assessments.remind-every:6h}",
            initialDelayString = "${gardien.assessments.remind-every:6h}")
    void tick() {
        var today = time.today();
        for (var a : store.all()) {
            if (a.superseded()) {
                continue;
            }
            for (var m : a.measures()) {
                if (m.lateOn(today)) {
                    transactions.executeWithoutResult(status -> remind(a, m, today));
                }
            }
        }
    }

    private void remind(Assessment a, Assessment.Measure m, LocalDate today) {
        if (!store.claimReminder(m.id(), today)) {
            return;
        }
        var recipient = a.assignedTo() != null ? "account:" + a.assignedTo() : a.createdBy();
        if (!recipient.startsWith("account:")) { // started by the data map: the person in charge is reminded
            recipient = accounts.active(Role.PRIVACY_OFFICER).stream()
                    .map(r -> "account:" + r.id())
                    .findFirst()
                    .orElse(recipient);
        }
        if (recipient.startsWith("account:")) {
            outbox.queue(new Message(
                    Message.Channel.INTERNAL,
                    recipient,
                    "assessments.measure-late",
                    Locale.CANADA_FRENCH,
                    List.of(a.title(), m.dueOn().toString()),
                    "assessment",
                    a.id().toString()));
        }
        facts.record(
                "measure-reminded",
                a.id(),
                Actor.SYSTEM,
                Map.of("measureId", m.id().toString(), "dueOn", m.dueOn().toString()));
    }
}
