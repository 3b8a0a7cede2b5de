package ca.gardien.governance;

import ca.gardien.inventory.Gap;
import ca.gardien.inventory.GapDecision;
import ca.gardien.inventory.GapSource;
import ca.gardien.inventory.Text;
import ca.gardien.shared.Language;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * What the service providers' commitments bring to the data map's gap list: a {@code high} gap for a service provider
 * that has not committed in writing to the policy or whose commitment has lapsed, a {@code medium} one when it ends
 * within {@value ProviderCommitments#ALERT_DAYS} days (the alert before expiry). The legal reference is the policy's
 * §14 under s. 3.2 (the policies the organization adopts and has applied).
 */
@Component
class ProviderFindings implements GapSource {

    static final String RULE = "provider-policy-commitment";

    private final ProviderCommitments commitments;
    private final MessageSource messages;

    ProviderFindings(ProviderCommitments commitments, MessageSource messages) {
        this.commitments = commitments;
        this.messages = messages;
    }

    @Override
    public List<Gap> gaps(Locale locale) {
        return commitments.providers(locale).stream()
                .filter(p -> p.standing() != ProviderCommitments.Standing.CURRENT)
                .map(p -> {
                    var key = "governance.gap.provider." + p.standing().name().toLowerCase(Locale.ROOT);
                    var args = new Object[] {
                        p.name(), p.commitment() == null ? "" : p.commitment().expiresOn()
                    };
                    var text = new Text(
                            messages.getMessage(key, args, Language.FRENCH.locale()),
                            messages.getMessage(key, args, Language.ENGLISH.locale()));
                    var expiring = p.standing() == ProviderCommitments.Standing.EXPIRING;
                    return new Gap(
                            expiring ? RULE + "-expiring" : RULE,
                            expiring ? "medium" : "high",
                            "P-39.1, s. 3.2",
                            text.in(locale),
                            text,
                            "providers/" + p.id(),
                            List.of(),
                            (expiring ? RULE + "-expiring" : RULE) + ":providers:" + p.id(),
                            new GapDecision(GapDecision.OPEN, null, null, null, null));
                })
                .toList();
    }
}
