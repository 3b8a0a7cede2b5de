package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.FirstStart;
import ca.gardien.shared.Language;
import java.time.Clock;
import java.util.Map;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the privacy policy from the reference customer's text (the seed) as a draft of version 1:
 * the organization edits it, and nothing is public before the person in charge approves and publishes it.
 */
@Component
class PolicySeeding implements ApplicationRunner {

    private final PolicyStore store;
    private final FirstStart firstStart;
    private final MessageSource messages;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicySeeding(
            PolicyStore store,
            FirstStart firstStart,
            MessageSource messages,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.firstStart = firstStart;
        this.messages = messages;
        this.events = events;
        this.clock = clock;
    }

    @Override
    public void run(ApplicationArguments args) {
        firstStart.once(() -> seed(PolicySeed.PRIVACY_POLICY));
    }

    /** Creates the document from its shipped template as version 1, a draft, unless it exists. */
    void seed(String policyId) {
        if (store.policy(policyId).isPresent()) {
            return;
        }
        var key = "governance.policy." + policyId;
        store.create(
                new PolicyStore.Policy(
                        policyId,
                        messages.getMessage(key, null, Language.FRENCH.locale()),
                        messages.getMessage(key, null, Language.ENGLISH.locale())),
                clock.instant());
        var draft = PolicyVersion.draft(policyId, 1, PolicySeed.sections(policyId), clock.instant());
        store.insert(draft);
        events.publishEvent(Evidence.of(
                clock.instant(),
                Actor.SYSTEM,
                "governance.policy-created",
                "policy",
                policyId,
                Map.of("version", "1")));
    }
}
