package ca.gardien.governance;

import ca.gardien.ledger.Evidence;
import ca.gardien.shared.ConflictException;
import ca.gardien.shared.Digests;
import ca.gardien.shared.FieldError;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.Language;
import ca.gardien.shared.NotFoundException;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The people who asked to be told when a policy changes (seed §15): the person in charge or a delegate records the
 * address and language of whoever asked, and removes it on request. Ledger facts {@code governance.subscriber-added}
 * and {@code governance.subscriber-removed} carry the address's digest, never the address.
 */
@Service
public class PolicySubscribers {

    /** Someone who asked for the change notices of a policy. */
    public record Subscriber(UUID id, String policyId, String email, String language, Instant recordedAt) {}

    /** A subscriber as sent: the address and {@code fr} or {@code en}. */
    public record NewSubscriber(String email, String language) {}

    static final int MAX_PER_POLICY = 10_000;

    private final JdbcClient jdbc;
    private final PolicyReads policies;
    private final ApplicationEventPublisher events;
    private final Clock clock;

    PolicySubscribers(JdbcClient jdbc, PolicyReads policies, ApplicationEventPublisher events, Clock clock) {
        this.jdbc = jdbc;
        this.policies = policies;
        this.events = events;
        this.clock = clock;
    }

    @Transactional(readOnly = true)
    public List<Subscriber> of(String policyId) {
        return jdbc.sql("SELECT * FROM governance_policy_subscriber WHERE policy_id = ? ORDER BY email")
                .param(policies.policy(policyId).id())
                .query((rs, n) -> new Subscriber(
                        rs.getObject("id", UUID.class),
                        rs.getString("policy_id"),
                        rs.getString("email"),
                        rs.getString("language"),
                        PolicyStore.instant(rs, "recorded_at")))
                .list();
    }

    @Transactional
    Subscriber add(String policyId, NewSubscriber body, GovernanceCaller caller) {
        caller.requireWriter();
        var id = policies.policy(policyId).id();
        var errors = new ArrayList<FieldError>();
        var email = SubjectIdentifier.normalizedEmail(body.email()); // one email rule for all of Gardien
        if (email == null) {
            errors.add(FieldError.of("email", "governance.field.email"));
        }
        var language = Language.byCode(body.language() == null ? "" : body.language());
        if (language.isEmpty()) {
            errors.add(FieldError.of("language", "governance.field.lang"));
        }
        if (!errors.isEmpty()) {
            throw new InvalidInputException(errors);
        }
        if (of(id).size() >= MAX_PER_POLICY) {
            throw new ConflictException("governance.conflict.subscribers-full", MAX_PER_POLICY);
        }
        var saved = new Subscriber(UUID.randomUUID(), id, email, language.get().code(), clock.instant());
        try {
            jdbc.sql("INSERT INTO governance_policy_subscriber (id, policy_id, email, language, recorded_at)"
                            + " VALUES (?, ?, ?, ?, ?)")
                    .params(saved.id(), id, email, saved.language(), PolicyStore.time(saved.recordedAt()))
                    .update();
        } catch (DuplicateKeyException e) {
            throw new ConflictException("governance.conflict.subscribed");
        }
        fact("subscriber-added", caller, saved);
        return saved;
    }

    @Transactional
    void remove(String policyId, UUID subscriberId, GovernanceCaller caller) {
        caller.requireWriter();
        var found = of(policyId).stream()
                .filter(s -> s.id().equals(subscriberId))
                .findFirst()
                .orElseThrow(() -> new NotFoundException("governance.subscriber", subscriberId));
        jdbc.sql("DELETE FROM governance_policy_subscriber WHERE id = ?")
                .param(subscriberId)
                .update();
        fact("subscriber-removed", caller, found);
    }

    private void fact(String step, GovernanceCaller caller, Subscriber s) {
        events.publishEvent(Evidence.of(
                clock.instant(),
                caller.actor(),
                "governance." + step,
                "policy",
                s.policyId(),
                Map.of("subscriber", s.id().toString(), "emailSha256", Digests.sha256Hex(s.email()))));
    }
}
