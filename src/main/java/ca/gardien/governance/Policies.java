package ca.gardien.governance;

import ca.gardien.inventory.LineDiff;
import ca.gardien.ledger.Evidence;
import ca.gardien.shared.Actor;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy documents' workflow: a draft (its variables show live values) is edited section by section, sent to
 * review (its text is frozen and digested), approved by the person in charge or the substitute during a recorded
 * absence, then published with its date. One version at a time is open; earlier published versions stay readable.
 * Every step is a ledger fact ({@code governance.<step>}) with the policy, the version and the digest.
 */
@Service
public class Policies {

    static final int MAX_TEMPLATE = 50_000;
    static final int MAX_HEADING = 200;

    /** A section as edited: its headings and templates in both languages. */
    public record SectionEdit(String headingFr, String headingEn, String fr, String en) {}

    private final PolicyStore store;
    private final PolicyValues values;
    private final ActingOfficer officer;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Policies(
            PolicyStore store,
            PolicyValues values,
            ActingOfficer officer,
            ApplicationEventPublisher events,
            Clock clock) {
        this.store = store;
        this.values = values;
        this.officer = officer;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<PolicySummary> all() {
        return store.policies().stream()
                .map(p -> PolicySummary.of(p, store.versions(p.id())))
                .toList();
    }

    /** A version as shown: a draft with its variables filled from the live values, a later one as frozen. */
    @Transactional(readOnly = true)
    public PolicyVersion version(String policyId, int number) {
        return shown(find(policyId, number));
    }

    @Transactional
    PolicyVersion newDraft(String policyId, GovernanceCaller caller) {
        caller.requireWriter();
        var versions = store.versions(policyFound(policyId));
        var last = versions.getLast();
        if (last.status() != PolicyStatus.PUBLISHED) {
            throw new ConflictException("governance.conflict.open-version", last.number());
        }
        var draft = new PolicyVersion(
                policyId,
                last.number() + 1,
                PolicyStatus.DRAFT,
                last.sections().stream()
                        .map(s -> s.withTemplates(s.headingFr(), s.headingEn(), s.templateFr(), s.templateEn()))
                        .toList(),
                null,
                clock.instant(),
                null,
                null,
                null,
                null,
                0);
        store.insert(draft);
        fact("draft-started", caller.actor(), draft, Map.of("basedOn", String.valueOf(last.number())));
        return shown(draft);
    }

    @Transactional
    PolicyVersion editSection(String policyId, int number, String key, SectionEdit edit, GovernanceCaller caller) {
        caller.requireWriter();
        var version = find(policyId, number);
        var errors = new ArrayList<FieldError>();
        ActingOfficer.text(errors, "headingFr", edit.headingFr(), MAX_HEADING, true);
        ActingOfficer.text(errors, "headingEn", edit.headingEn(), MAX_HEADING, true);
        ActingOfficer.text(errors, "fr", edit.fr(), MAX_TEMPLATE, true);
        ActingOfficer.text(errors, "en", edit.en(), MAX_TEMPLATE, true);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (version.status() != PolicyStatus.DRAFT && version.status() != PolicyStatus.REVIEW) {
            throw new ConflictException("governance.conflict.not-editable", number);
        }
        if (version.sections().stream().noneMatch(s -> s.key().equals(key))) {
            throw new NotFoundException("governance.section", key);
        }
        var sections = version.sections().stream()
                .map(s -> s.key().equals(key)
                        ? s.withTemplates(
                                edit.headingFr().strip(), edit.headingEn().strip(), edit.fr(), edit.en())
                        : s.withTemplates(s.headingFr(), s.headingEn(), s.templateFr(), s.templateEn()))
                .toList();
        var edited = save(new PolicyVersion(
                policyId,
                number,
                PolicyStatus.DRAFT,
                sections,
                null,
                version.createdAt(),
                null,
                null,
                null,
                null,
                version.rowVersion()));
        fact(
                "section-edited",
                caller.actor(),
                edited,
                Map.of("section", key, "templateSha256", Digests.sha256Hex(edit.fr() + "\u0000" + edit.en())));
        return shown(edited);
    }

    @Transactional
    PolicyVersion submit(String policyId, int number, GovernanceCaller caller) {
        caller.requireWriter();
        var version = find(policyId, number);
        if (version.status() != PolicyStatus.DRAFT) {
            throw new ConflictException("governance.conflict.not-draft", number);
        }
        var frozen = shown(version);
        var text = frozen.text(Language.FRENCH) + "\u0000" + frozen.text(Language.ENGLISH);
        var reviewed = save(new PolicyVersion(
                policyId,
                number,
                PolicyStatus.REVIEW,
                frozen.sections(),
                Digests.sha256Hex(text),
                version.createdAt(),
                clock.instant(),
                null,
                null,
                null,
                version.rowVersion()));
        fact("submitted-for-review", caller.actor(), reviewed, Map.of());
        return reviewed;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    PolicyVersion approve(String policyId, int number, GovernanceCaller caller) {
        caller.requireWriter();
        var version = find(policyId, number);
        var as = officer.approvesAs(caller);
        if (as.isEmpty()) {
            fact("approval-refused", caller.actor(), version, Map.of());
            throw new AccessDeniedException("governance.approval");
        }
        if (version.status() != PolicyStatus.REVIEW) {
            throw new ConflictException("governance.conflict.not-in-review", number);
        }
        var approved = save(new PolicyVersion(
                policyId,
                number,
                PolicyStatus.APPROVED,
                version.sections(),
                version.sha256(),
                version.createdAt(),
                version.reviewedAt(),
                clock.instant(),
                as.get(),
                null,
                version.rowVersion()));
        fact("approved", caller.actor(), approved, Map.of("as", as.get()));
        return approved;
    }

    @Transactional
    PolicyVersion publish(String policyId, int number, GovernanceCaller caller) {
        caller.requireWriter();
        var version = find(policyId, number);
        if (version.status() != PolicyStatus.APPROVED) {
            throw new ConflictException("governance.conflict.not-approved", number);
        }
        var published = save(new PolicyVersion(
                policyId,
                number,
                PolicyStatus.PUBLISHED,
                version.sections(),
                version.sha256(),
                version.createdAt(),
                version.reviewedAt(),
                version.approvedAt(),
                version.approvedBy(),
                clock.instant(),
                version.rowVersion()));
        fact(
                "published",
                caller.actor(),
                published,
                Map.of("publishedAt", published.publishedAt().toString()));
        return published;
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

    /** Creates the document from its shipped template as version 1, a draft, unless it exists. */
    @Transactional
    void seed(String policyId, String titleFr, String titleEn) {
        if (store.policy(policyId).isPresent()) {
            return;
        }
        store.create(new PolicyStore.Policy(policyId, titleFr, titleEn), clock.instant());
        var draft = new PolicyVersion(
                policyId,
                1,
                PolicyStatus.DRAFT,
                PolicySeed.sections(policyId),
                null,
                clock.instant(),
                null,
                null,
                null,
                null,
                0);
        store.insert(draft);
        fact("policy-created", Actor.SYSTEM, draft, Map.of());
    }

    private PolicyVersion shown(PolicyVersion v) {
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

    private PolicyVersion find(String policyId, int number) {
        policyFound(policyId);
        return store.version(policyId, number).orElseThrow(() -> new NotFoundException("governance.version", number));
    }

    private PolicyVersion save(PolicyVersion v) {
        if (!store.update(v)) {
            throw new ConflictException("governance.conflict.changed", v.number());
        }
        return store.version(v.policyId(), v.number()).orElseThrow();
    }

    private void fact(String step, Actor actor, PolicyVersion v, Map<String, String> more) {
        var payload = new HashMap<>(more);
        payload.put("version", String.valueOf(v.number()));
        if (v.sha256() != null) {
            payload.put("sha256", v.sha256());
        }
        events.publishEvent(Evidence.of(clock.instant(), actor, "governance." + step, "policy", v.policyId(), payload));
    }
}
