package ca.gardien.governance;

import ca.gardien.inventory.LineDiff;
import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import java.util.List;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Reading the policies: the list, a version as shown (a draft with live values), the diff, the published versions. */
@Service
public class PolicyReads {

    private final PolicyStore store;
    private final PolicyValues values;

    PolicyReads(PolicyStore store, PolicyValues values) {
        this.store = store;
        this.values = values;
    }

    @Transactional(readOnly = true)
    public List<PolicySummary> all() {
        return store.summaries();
    }

    /** A version as shown: a draft with its variables filled from the live values, a later one as frozen. */
    @Transactional(readOnly = true)
    public PolicyVersion version(String policyId, int number) {
        return shown(find(policyId, number));
    }

    @Transactional(readOnly = true)
    public LineDiff diff(String policyId, int from, int to, Language language) {
        return LineDiff.between(
                from,
                version(policyId, from).text(language),
                to,
                version(policyId, to).text(language));
    }

    /** The published versions of a policy, oldest first: the last one is the current one. */
    @Transactional(readOnly = true)
    public List<PolicyVersion> published(String policyId) {
        return store.versions(policyFound(policyId)).stream()
                .filter(v -> v.status() == PolicyStatus.PUBLISHED)
                .toList();
    }

    @Transactional(readOnly = true)
    PolicyStore.Policy policy(String policyId) {
        return store.policy(policyId).orElseThrow(() -> new NotFoundException("governance.policy", policyId));
    }

    PolicyVersion shown(PolicyVersion v) {
        if (v.status() != PolicyStatus.DRAFT) {
            return v;
        }
        var fr = values.in(Language.FRENCH);
        var en = values.in(Language.ENGLISH);
        return v.with(
                v.status(),
                v.sections().stream()
                        .map(s -> s.frozen(
                                PolicyValues.render(s.templateFr(), fr), PolicyValues.render(s.templateEn(), en)))
                        .toList());
    }

    private String policyFound(String policyId) {
        return policy(policyId).id();
    }

    PolicyVersion find(String policyId, int number) {
        policyFound(policyId);
        return store.version(policyId, number).orElseThrow(() -> new NotFoundException("governance.version", number));
    }
}
