package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.shared.Actor;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Reminds each person of a campaign's audience who has not acknowledged, once a day from {@link #BEFORE_DUE} days before
 * the due date on (an internal notice in the outbox), for {@link #AFTER_DUE} days after it. Each reminder is claimed
 * in the database, so nodes never send the same one twice; each is a {@code governance.reminder-sent} fact.
 */
@Component
class TrainingReminders {

    static final int BEFORE_DUE = 3;
    static final int AFTER_DUE = 30;

    private final TrainingStore store;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final ca.gardien.organization.OrganizationTime time;

    TrainingReminders(
            TrainingStore store,
            Outbox outbox,
            ApplicationEventPublisher events,
            TransactionTemplate transactions,
            Clock clock,
            ca.gardien.organization.OrganizationTime time) {
        this.store = store;
        this.outbox = outbox;
        this.events = events;
        this.transactions = transactions;
        this.clock = clock;
        this.time = time;
    }

    @Scheduled(fixedDelayString = "${gardien.governance.tick:1h}", initialDelayString = "${gardien.governance.tick:1h}")
    void tick() {
        var today = time.today();
        for (var campaign : store.all()) {
            if (today.isBefore(campaign.dueOn().minusDays(BEFORE_DUE))
                    || today.isAfter(campaign.dueOn().plusDays(AFTER_DUE))) {
                continue;
            }
            for (var member : store.members(campaign.id())) {
                if (member.acknowledgedAt() == null) {
                    transactions.executeWithoutResult(s -> remind(campaign, member, today));
                }
            }
        }
    }

    private void remind(Campaign campaign, Campaign.Member member, LocalDate today) {
        if (!store.claimReminder(campaign.id(), member.accountId(), today)) {
            return;
        }
        outbox.queue(new Message(
                Message.Channel.INTERNAL,
                "account:" + member.accountId(),
                "governance.training-reminder",
                Locale.CANADA_FRENCH,
                List.of(campaign.title(), campaign.dueOn().toString()),
                "campaign",
                campaign.id().toString()));
        events.publishEvent(Evidence.of(
                clock.instant(),
                Actor.SYSTEM,
                "governance.reminder-sent",
                "campaign",
                campaign.id(),
                Map.of("accountId", member.accountId().toString(), "on", today.toString())));
    }
}
