package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.organization.AccountViews;
import ca.gardien.organization.Role;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.NotFoundException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Training and awareness campaigns (s. 3.2; seed §7): a published policy version to acknowledge, or a training module to
 * complete, by the accounts holding the audience's roles when the campaign starts, before a due date. Each
 * acknowledgement records the version seen; a new policy version needs a new campaign. Ledger facts
 * {@code governance.campaign-started}, {@code governance.acknowledged}.
 */
@Service
public class Training {

    /** A campaign as asked: {@code policyId} (its version defaults to the one published now) or {@code module}. */
    public record NewCampaign(
            String title, String policyId, Integer policyVersion, String module, List<String> roles, String dueOn) {}

    private final TrainingStore store;
    private final PolicyReads policies;
    private final AccountViews accounts;
    private final ApplicationEventPublisher events;
    private final Clock clock;
    private final ca.gardien.organization.OrganizationTime time;

    Training(
            TrainingStore store,
            PolicyReads policies,
            AccountViews accounts,
            ApplicationEventPublisher events,
            Clock clock,
            ca.gardien.organization.OrganizationTime time) {
        this.store = store;
        this.policies = policies;
        this.accounts = accounts;
        this.events = events;
        this.clock = clock;
        this.time = time;
    }

    @Transactional(readOnly = true)
    public List<Campaign> all() {
        return store.all();
    }

    @Transactional(readOnly = true)
    public Campaign campaign(UUID id) {
        return store.find(id).orElseThrow(() -> new NotFoundException("governance.campaign", id));
    }

    @Transactional(readOnly = true)
    public List<Campaign.Member> members(UUID id) {
        return store.members(campaign(id).id());
    }

    @Transactional
    Campaign start(NewCampaign body, GovernanceCaller caller) {
        caller.requireWriter();
        var errors = new ArrayList<FieldError>();
        GovernanceText.WORDS.line(errors, "title", body.title(), 200, true);
        var policy = body.policyId() != null && !body.policyId().isBlank();
        var module = body.module() != null && !body.module().isBlank();
        if (policy == module) { // neither, or both: each said as it is (officer's review)
            errors.add(FieldError.of(
                    "policyId",
                    policy ? "governance.field.policy-or-module" : "governance.field.policy-or-module.none"));
        }
        GovernanceText.WORDS.line(errors, "module", body.module(), 200, false);
        var roles = roles(body.roles(), errors);
        var dueOn = dueOn(body.dueOn(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        Integer version = null;
        if (policy) {
            var published = policies.published(body.policyId());
            version = body.policyVersion() == null
                    ? (published.isEmpty() ? null : published.getLast().number())
                    : body.policyVersion();
            final var asked = version;
            if (asked == null || published.stream().noneMatch(v -> v.number() == asked)) {
                throw new ConflictException("governance.conflict.not-published", body.policyId());
            }
        }
        var id = UUID.randomUUID();
        store.insert(new Campaign(
                id,
                body.title().strip(),
                policy ? body.policyId() : null,
                version,
                module ? body.module().strip() : null,
                roles,
                dueOn,
                clock.instant(),
                0,
                0,
                0));
        accounts.active(roles.stream().map(Role::valueOf).toArray(Role[]::new))
                .forEach(a -> store.addMember(id, a.id(), a.username(), a.displayName()));
        var started = campaign(id);
        events.publishEvent(Evidence.of(
                clock.instant(),
                caller.actor(),
                "governance.campaign-started",
                "campaign",
                id,
                Map.of(
                        "audience",
                        String.valueOf(started.audience()),
                        "dueOn",
                        dueOn.toString(),
                        "version",
                        String.valueOf(version))));
        return started;
    }

    @Transactional
    Campaign acknowledge(UUID id, Integer versionSeen, GovernanceCaller caller) {
        var campaign = campaign(id);
        var account = caller.accountId().orElseThrow(() -> new AccessDeniedException("governance.campaign"));
        if (store.members(id).stream().noneMatch(m -> m.accountId().equals(account))) {
            throw new AccessDeniedException("governance.campaign");
        }
        if (campaign.policyVersion() != null && !campaign.policyVersion().equals(versionSeen)) {
            throw new InvalidInputException("versionSeen", "governance.field.version-seen", campaign.policyVersion());
        }
        if (!store.acknowledge(id, account, versionSeen, campaign.module(), clock.instant())) {
            throw new ConflictException("governance.conflict.acknowledged");
        }
        events.publishEvent(Evidence.of(
                clock.instant(),
                caller.actor(),
                "governance.acknowledged",
                "campaign",
                id,
                Map.of("version", String.valueOf(versionSeen))));
        return campaign(id);
    }

    private static List<String> roles(List<String> asked, List<FieldError> errors) {
        var known = Role.people().stream().map(Role::name).toList(); // a controller's system trains no one
        if (asked == null || asked.isEmpty() || asked.size() > known.size() || !known.containsAll(asked)) {
            errors.add(FieldError.of("roles", "governance.field.roles"));
            return List.of();
        }
        if (asked.contains(Role.AUDITOR.name())) { // auditors change nothing: they could never acknowledge
            errors.add(FieldError.of("roles", "governance.field.roles-auditor"));
            return List.of();
        }
        return asked.stream().distinct().sorted().toList();
    }

    private LocalDate dueOn(String value, List<FieldError> errors) {
        try {
            var day = LocalDate.parse(value == null ? "" : value);
            var today = time.today();
            if (day.isBefore(today) || day.isAfter(today.plusYears(2))) {
                errors.add(FieldError.of("dueOn", "governance.field.due-on"));
            }
            return day;
        } catch (DateTimeParseException e) {
            errors.add(FieldError.of("dueOn", "governance.field.due-on"));
            return null;
        }
    }
}
