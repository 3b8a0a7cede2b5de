package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.mail.Message;
import ca.gardien.mail.Outbox;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.Actor;
import ca.gardien.shared.Language;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.stereotype.Component;

/**
 * The change notice of seed §15 (the policy's modifications are published, with the update date): when a version is
 * published over an earlier one, each person who must apply the policy (every enabled account of the person in charge,
 * a delegate or staff, §14) gets an internal notice and each subscriber an email in their language, through the outbox
 * in the same transaction as the publication. One {@code governance.change-notice-queued} fact with the counts.
 */
@Component
class PolicyChangeNotices {

    static final List<Role> MUST_APPLY = List.of(Role.PRIVACY_OFFICER, Role.DELEGATE, Role.STAFF);

    private final PolicyReads policies;
    private final PolicySubscribers subscribers;
    private final AccountViews accounts;
    private final Outbox outbox;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ca.gardien.organization.OrganizationTime time;

    PolicyChangeNotices(
            PolicyReads policies,
            PolicySubscribers subscribers,
            AccountViews accounts,
            Outbox outbox,
            ApplicationEventPublisher events,
            Clock clock,
            ca.gardien.organization.OrganizationTime time) {
        this.policies = policies;
        this.subscribers = subscribers;
        this.accounts = accounts;
        this.outbox = outbox;
        this.events = events;
        this.clock = clock;
        this.time = time;
    }

    /** Queues the notices of a version just published; nothing for a first publication, which modifies nothing. */
    void published(PolicyVersion version, Actor actor) {
        var earlier = policies.published(version.policyId()).stream().anyMatch(v -> v.number() < version.number());
        if (!earlier) {
            return;
        }
        var policy = policies.policy(version.policyId());
        var day = time.day(version.publishedAt()).toString();
        var path = version.policyId().equals(PolicySeed.PRIVACY_POLICY)
                ? "/privacy/policy"
                : "/privacy/policies/" + version.policyId();
        var people = accounts.active(MUST_APPLY.toArray(Role[]::new));
        for (var account : people) {
            outbox.queue(message(
                    Message.Channel.INTERNAL, "account:" + account.id(), Language.FRENCH, policy, version, day, path));
        }
        var asked = subscribers.of(version.policyId());
        for (var subscriber : asked) {
            var language = Language.byCode(subscriber.language()).orElse(Language.FRENCH);
            outbox.queue(message(Message.Channel.EMAIL, subscriber.email(), language, policy, version, day, path));
        }
        events.publishEvent(Evidence.of(
                clock.instant(),
                actor,
                "governance.change-notice-queued",
                "policy",
                version.policyId(),
                Map.of(
                        "version",
                        String.valueOf(version.number()),
                        "accounts",
                        String.valueOf(people.size()),
                        "subscribers",
                        String.valueOf(asked.size()))));
    }

    private static Message message(
            Message.Channel channel,
            String to,
            Language language,
            PolicyStore.Policy policy,
            PolicyVersion version,
            String day,
            String path) {
        return new Message(
                channel,
                to,
                "governance.policy-changed",
                language.locale(),
                List.of(
                        language.pick(policy.titleFr(), policy.titleEn()),
                        String.valueOf(version.number()),
                        day,
                        path + "?lang=" + language.code()),
                "policy",
                version.policyId());
    }
}
