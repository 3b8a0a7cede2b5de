package ca.gardien.governance;

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
import java.util.Map;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The policy documents' workflow: a draft (its variables show live values) is edited section by section, sent to
 * review (its text is frozen and digested; no longer edited until sent back to draft with the reasons, {@link
 * PolicyReturns}), approved by the person in charge or the substitute during a recorded
 * absence, then published with its date. One version at a time is open; earlier published versions stay readable.
 * Separation of duties: the substitute does not approve a version they started, edited or sent to review ({@link
 * PolicyWriters}); the person in charge, who answers for the policies and may be an organization's only writer, does.
 * Every step is a ledger fact ({@code governance.<step>}) with the policy, the version and the digest.
 */
@Service
public class Policies {

    static final int MAX_TEMPLATE = 50_000;
    static final int MAX_HEADING = 200;

    /** A section as edited: its headings and templates in both languages. */
    public record SectionEdit(String headingFr, String headingEn, String fr, String en) {}

    private final PolicyStore store;
    private final PolicyReads reads;
    private final ActingOfficer officer;
    private final PolicyChangeNotices notices;
    private final PolicyWriters writers;
    private final PublishedPolicyLink link;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    Policies(
            PolicyStore store,
            PolicyReads reads,
            ActingOfficer officer,
            PolicyChangeNotices notices,
            PolicyWriters writers,
            PublishedPolicyLink link,
            ApplicationEventPublisher events,
            Clock clock) {
        this.notices = notices;
        this.writers = writers;
        this.link = link;
        this.store = store;
        this.reads = reads;
        this.officer = officer;
        this.events = events;
        this.clock = clock;
    }

    @Transactional
    PolicyVersion newDraft(String policyId, GovernanceCaller caller) {
        caller.requireWriter();
        var versions = store.versions(reads.policy(policyId).id());
        var last = versions.getLast();
        if (last.status() != PolicyStatus.PUBLISHED) {
            throw new ConflictException("governance.conflict.open-version", last.number());
        }
        var draft = PolicyVersion.draft(
                policyId,
                last.number() + 1,
                last.sections().stream()
                        .map(s -> s.withTemplates(s.headingFr(), s.headingEn(), s.templateFr(), s.templateEn()))
                        .toList(),
                clock.instant());
        store.insert(draft);
        writers.add(policyId, draft.number(), caller);
        fact("draft-started", caller.actor(), draft, Map.of("basedOn", String.valueOf(last.number())));
        return reads.shown(draft);
    }

    @Transactional
    PolicyVersion editSection(String policyId, int number, String key, SectionEdit edit, GovernanceCaller caller) {
        caller.requireWriter();
        var version = reads.find(policyId, number);
        var errors = new ArrayList<FieldError>();
        GovernanceText.WORDS.line(errors, "headingFr", edit.headingFr(), MAX_HEADING, true);
        GovernanceText.WORDS.line(errors, "headingEn", edit.headingEn(), MAX_HEADING, true);
        var fr = GovernanceText.WORDS.prose(errors, "fr", edit.fr(), MAX_TEMPLATE, true);
        var en = GovernanceText.WORDS.prose(errors, "en", edit.en(), MAX_TEMPLATE, true);
        PolicyValues.none(errors, "headingFr", edit.headingFr());
        PolicyValues.none(errors, "headingEn", edit.headingEn());
        PolicyValues.known(errors, "fr", fr);
        PolicyValues.known(errors, "en", en);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (version.status() == PolicyStatus.REVIEW) {
            // the text the approver reads: sent back to draft with the reasons first (PolicyReturns), never silently
            throw new ConflictException("governance.conflict.in-review", number);
        }
        if (version.status() != PolicyStatus.DRAFT) {
            throw new ConflictException("governance.conflict.not-editable", number);
        }
        if (version.sections().stream().noneMatch(s -> s.key().equals(key))) {
            throw new NotFoundException("governance.section", key);
        }
        var sections = version.sections().stream()
                .map(s -> s.key().equals(key)
                        ? s.withTemplates(
                                edit.headingFr().strip(), edit.headingEn().strip(), fr, en)
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
                version.returned(),
                version.rowVersion())); // at the version read: sent to review meanwhile, a 409
        writers.add(policyId, number, caller);
        fact(
                "section-edited",
                caller.actor(),
                edited,
                Map.of("section", key, "templateSha256", Digests.sha256Hex(fr + "\u0000" + en)));
        return reads.shown(edited);
    }

    @Transactional
    PolicyVersion submit(String policyId, int number, GovernanceCaller caller) {
        caller.requireWriter();
        var version = reads.find(policyId, number);
        if (version.status() != PolicyStatus.DRAFT) {
            throw new ConflictException("governance.conflict.not-draft", number);
        }
        var frozen = reads.shown(version);
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
                version.returned(),
                version.rowVersion()));
        writers.add(policyId, number, caller);
        fact("submitted-for-review", caller.actor(), reviewed, Map.of());
        return reviewed;
    }

    @Transactional(noRollbackFor = AccessDeniedException.class)
    PolicyVersion approve(String policyId, int number, GovernanceCaller caller) {
        caller.requireWriter();
        var version = reads.find(policyId, number);
        var as = officer.approvesAs(caller);
        if (as.isEmpty() || wroteAsSubstitute(as.get(), version, caller)) {
            fact("approval-refused", caller.actor(), version, as.isEmpty() ? Map.of() : Map.of("reason", "wrote-it"));
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
                version.returned(),
                version.rowVersion()));
        fact("approved", caller.actor(), approved, Map.of("as", as.get()));
        return approved;
    }

    @Transactional
    PolicyVersion publish(String policyId, int number, GovernanceCaller caller) {
        caller.requireWriter();
        var version = reads.find(policyId, number);
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
                version.returned(),
                version.rowVersion()));
        fact(
                "published",
                caller.actor(),
                published,
                Map.of("publishedAt", published.publishedAt().toString()));
        notices.published(published, caller.actor());
        link.published(policyId); // the public pages link it once this commits, with no query per page
        return published;
    }

    /** Whether the caller, acting as the substitute, wrote this version: another approves it. */
    boolean wroteAsSubstitute(String as, PolicyVersion version, GovernanceCaller caller) {
        return "substitute".equals(as) && writers.wrote(version.policyId(), version.number(), caller);
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
