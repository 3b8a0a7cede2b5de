package ca.gardien.consent;

import ca.gardien.consent.ConsentRules.PurposeTerms;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import ca.gardien.shared.InvalidInputException;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Supplier;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Records consents: checks the legal rules against the data map, appends the record, publishes it to the evidence
 * ledger in the same transaction, and makes this node's decisions reflect it as soon as it commits.
 */
@Service
public class ConsentLedger {

    private final Inventory inventory;
    private final Subjects subjects;
    private final ConsentRecords records;
    private final ConsentDecisions decisions;
    private final KeyedDigest key;
    private final ConsentProperties properties;
    private final ApplicationEventPublisher events;
    private final java.time.Clock clock;
    private final TransactionTemplate transactions;
    private final ConsentWriter writer;
    private final ConsentBatch batch;

    ConsentLedger(
            Inventory inventory,
            Subjects subjects,
            ConsentRecords records,
            ConsentDecisions decisions,
            @Qualifier(ConsentConfiguration.KEY) KeyedDigest key,
            ConsentProperties properties,
            ApplicationEventPublisher events,
            java.time.Clock clock,
            PlatformTransactionManager transactionManager,
            ConsentWriter writer,
            ConsentBatch batch) {
        this.inventory = inventory;
        this.subjects = subjects;
        this.records = records;
        this.decisions = decisions;
        this.key = key;
        this.properties = properties;
        this.events = events;
        this.clock = clock;
        this.transactions = new TransactionTemplate(transactionManager);
        this.writer = writer;
        this.batch = batch;
    }

    /**
     * Records a consent, a refusal or a withdrawal.
     *
     * @throws InvalidInputException naming the fields, for bad input or a purpose the data map does not know
     * @throws ConsentRuleViolation when a legal rule forbids the consent as given
     */
    public ConsentRecord record(ConsentRequest request, Actor actor) {
        var now = clock.instant();
        var identifiers = request.validate(properties.phoneRegion(), now);
        var band = request.band(now);
        var draft = ConsentDrafts.of(request, band, proof(request.evidence()), now, actor);
        return grouped(identifiers, draft).getFirst();
    }

    /** The subject withdraws its consent for the purpose, effective at once (e.g. one-click unsubscribe). */
    @Transactional
    ConsentRecord withdraw(UUID subject, String purposeId, ConsentTerms.Channel channel, ConsentRecord.Proof proof) {
        return bySubject(subject, purposeId, ConsentTerms.State.WITHDRAWN, channel, proof);
    }

    /**
     * The subject's own choice (e.g. on the preference page): express consent given by the person, a refusal or a
     * withdrawal, checked against the rules like any other consent.
     *
     * @throws SubjectDestroyed when the keeping sweep destroyed the subject (a link outlived everything recorded)
     */
    @Transactional
    ConsentRecord bySubject(
            UUID subject,
            String purposeId,
            ConsentTerms.State state,
            ConsentTerms.Channel channel,
            ConsentRecord.Proof proof) {
        var purpose = terms(purposeId);
        if (!subjects.hold(subject)) {
            throw new SubjectDestroyed();
        }
        var facts = new ConsentRules.Request(state, ConsentTerms.Kind.EXPRESS, ConsentTerms.GivenBy.PERSON, null);
        ConsentRules.broken(facts, purpose).ifPresent(rule -> {
            throw new ConsentRuleViolation(rule);
        });
        return append(
                ConsentRecord.byPerson(subject, purpose.id(), state, channel, proof, clock.instant()),
                new Actor(Actor.Kind.SUBJECT, subject.toString()));
    }

    /**
     * Records a visitor's cookie-banner choice: one record per category, under the purpose {@code cookie-<category>}.
     * Under Global Privacy Control marketing is refused whatever was ticked, and the records say GPC applied.
     */
    List<ConsentRecord> recordBannerChoice(
            SubjectIdentifier visitor, Map<String, Boolean> choices, ConsentRecord.Proof proof) {
        var draft = ConsentDrafts.ofBannerChoice(choices, proof, clock.instant());
        return grouped(List.of(visitor), draft);
    }

    /**
     * Writes a draft for the subject of these identifiers (created if none is known): in the writer's next group
     * commit, or as a group of one in the caller's transaction (or its own) when one is under way or the group could
     * not take it.
     */
    private List<ConsentRecord> grouped(List<SubjectIdentifier> identifiers, ConsentBatch.Draft draft) {
        var pending = new ConsentBatch.Pending(subjects.keyed(identifiers), draft);
        if (!TransactionSynchronizationManager.isActualTransactionActive()) {
            var written = writer.write(pending);
            if (written.isPresent()) {
                return written.get().stream().map(ConsentBatch.Written::record).toList();
            }
        }
        return linkingFirst(() -> alone(pending));
    }

    /** A group of one; once more when a subject this node had cached was destroyed meanwhile (it is forgotten then). */
    private List<ConsentRecord> alone(ConsentBatch.Pending pending) {
        ConsentBatch.Outcome outcome;
        try {
            outcome = batch.write(List.of(pending)).getFirst();
        } catch (ConsentBatch.WriteAlone destroyed) {
            try {
                outcome = batch.write(List.of(pending)).getFirst();
            } catch (ConsentBatch.WriteAlone again) {
                throw new ConcurrencyFailureException("the subject was destroyed while being resolved");
            }
        }
        if (outcome.refused() != null) {
            throw outcome.refused();
        }
        var written = outcome.written();
        afterCommit(() -> written.forEach(w -> decisions.applied(w.record(), w.seq())));
        return written.stream().map(ConsentBatch.Written::record).toList();
    }

    /**
     * Records that a grant has expired (see {@link ConsentExpiry}): a new EXPIRED record with the grant's subject,
     * purpose, kind, giver and channel; its ledger entry names the grant.
     */
    @Transactional
    ConsentRecord expire(UUID grantId, UUID expiredId, java.time.Instant now, Actor actor) {
        var grant = records.byId(grantId).orElseThrow().record();
        var expired = new ConsentRecord(
                expiredId,
                grant.subjectId(),
                grant.purpose(),
                ConsentTerms.State.EXPIRED,
                grant.kind(),
                grant.givenBy(),
                grant.channel(),
                grant.noticeVersion(),
                grant.ageBand(),
                new ConsentRecord.Proof("expiry", null, null, null, false),
                now,
                null);
        return append(expired, actor, Map.of("expiredGrant", grantId.toString()));
    }

    /**
     * Runs a write that may link a person's first identifiers in a transaction, once more if another write linked one
     * of them first ({@link Subjects#resolve}): the second run finds that write's subject. Inside a caller's transaction
     * the conflict ends that transaction, so it is passed on.
     */
    private <T> T linkingFirst(Supplier<T> write) {
        boolean joined = TransactionSynchronizationManager.isActualTransactionActive();
        try {
            return transactions.execute(status -> write.get());
        } catch (DuplicateKeyException linkedMeanwhile) {
            if (joined) {
                throw linkedMeanwhile;
            }
            return transactions.execute(status -> write.get());
        }
    }

    private ConsentRecord append(ConsentRecord record, Actor actor) {
        return append(record, actor, Map.of());
    }

    private ConsentRecord append(ConsentRecord record, Actor actor, Map<String, String> extra) {
        var row = new ConsentRecords.Appended(record, actor, UUID.randomUUID()); // a receipt points to its entry
        long seq = records.append(row);
        events.publishEvent(ConsentBatch.evidence(row, extra));
        afterCommit(() -> decisions.applied(record, seq));
        return record;
    }

    private PurposeTerms terms(String purposeId) {
        return PurposeTerms.in(inventory.current(), purposeId);
    }

    private ConsentRecord.Proof proof(ConsentRequest.Collected collected) {
        if (collected == null) {
            return new ConsentRecord.Proof(null, null, null, null, false);
        }
        return new ConsentRecord.Proof(
                collected.formId(),
                collected.ip() == null ? null : key.digest("ip", collected.ip().strip()),
                collected.userAgent() == null ? null : key.digest("user-agent", collected.userAgent()),
                collected.language(),
                Boolean.TRUE.equals(collected.gpc()));
    }

    private static void afterCommit(Runnable action) {
        if (!TransactionSynchronizationManager.isSynchronizationActive()) {
            action.run();
            return;
        }
        TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
            @Override
            public void afterCommit() {
                action.run();
            }
        });
    }

    /** The subject a signed link names was destroyed at the end of its keeping period: nothing is recorded. */
    static final class SubjectDestroyed extends RuntimeException {
        SubjectDestroyed() {
            super("the subject was destroyed at the end of its keeping period", null, false, false);
        }
    }
}
