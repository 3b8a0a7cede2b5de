package ca.gardien.governance;

import ca.gardien.shared.FirstStart;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * On first start, creates the privacy policy from the reference customer's text (the seed) as a draft of version 1:
 * the organization edits it, and nothing is public before the person in charge approves and publishes it.
 */
@Component
class PolicySeeding implements ApplicationRunner {

    private final Policies policies;
    private final FirstStart firstStart;
    private final MessageSource messages;

    PolicySeeding(Policies policies, FirstStart firstStart, MessageSource messages) {
        this.policies = policies;
        this.firstStart = firstStart;
        this.messages = messages;
    }

    @Override
    public void run(ApplicationArguments args) {
        firstStart.once(() -> policies.seed(
                PolicySeed.PRIVACY_POLICY,
                messages.getMessage(
                        "governance.policy.privacy-policy", null, ca.gardien.shared.Language.FRENCH.locale()),
                messages.getMessage(
                        "governance.policy.privacy-policy", null, ca.gardien.shared.Language.ENGLISH.locale())));
    }
}
