package ca.gardien.consent;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.dao.ConcurrencyFailureException;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Data subjects and the keyed hashes of their identifiers. An identifier belongs to one subject until the keeping sweep
 * destroys that subject ({@link ConsentRetention}), so a hit is cached until this node's next sweep; misses are not
 * cached (another node may have just created the subject). A write holds its subject's row ({@link #hold}) so that the
 * sweep cannot destroy a subject while a record is being added to it.
 */
@Component
class Subjects {

    private final JdbcClient jdbc;
    private final KeyedDigest key;
    private final Clock clock;
    private final ConcurrentHashMap<Keyed, UUID> known = new ConcurrentHashMap<>();

    Subjects(JdbcClient jdbc, @Qualifier(ConsentConfiguration.KEY) KeyedDigest key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    Optional<UUID> find(SubjectIdentifier identifier) {
        return find(Keyed.of(identifier, key));
    }

    /**
     * The subject known by any of the identifiers, created if none is known; every identifier is linked to it. Two
     * first writes for the same new person at once (a banner and an API call, say) both see no subject; the second to
     * link an identifier meets the first's row with a {@link DuplicateKeyException}, which ends its transaction: the
     * caller runs the write again ({@link ConsentLedger}), and then finds the first's subject. No savepoint: two fewer
     * round trips on every first write.
     */
    UUID resolve(Collection<SubjectIdentifier> identifiers) {
        var resolved = resolveOnce(identifiers);
        if (resolved.created() || hold(resolved.subject())) { // a subject created here is invisible to the sweep
            return resolved.subject();
        }
        // destroyed by a keeping sweep since this node cached it: the identifiers are unknown now
        forget(List.of(resolved.subject()));
        resolved = resolveOnce(identifiers);
        if (!resolved.created() && !hold(resolved.subject())) {
            throw new ConcurrencyFailureException("the subject was destroyed while being resolved");
        }
        return resolved.subject();
    }

    /**
     * Locks the subject's row until the transaction ends, so that the keeping sweep cannot destroy the subject while a
     * record is added to it; false when the subject no longer exists.
     */
    boolean hold(UUID subject) {
        return jdbc.sql("SELECT id FROM consent_subject WHERE id = ? FOR UPDATE")
                .param(subject)
                .query(UUID.class)
                .optional()
                .isPresent();
    }

    /** Whether the subject still exists (the keeping sweep destroys a subject left without any record). */
    boolean exists(UUID subject) {
        return jdbc.sql("SELECT COUNT(*) FROM consent_subject WHERE id = ?")
                        .param(subject)
                        .query(Long.class)
                        .single()
                > 0;
    }

    /** The identifier's subject if this node has it cached; empty otherwise (nothing is read). */
    Optional<UUID> cached(SubjectIdentifier identifier) {
        return Optional.ofNullable(known.get(Keyed.of(identifier, key)));
    }

    /** The identifier's subject read from the database, not from this node's cache. */
    Optional<UUID> findAgain(SubjectIdentifier identifier) {
        var keyed = Keyed.of(identifier, key);
        known.remove(keyed);
        return find(keyed);
    }

    /** Forgets what this node cached of these subjects (destroyed by a sweep). */
    void forget(Collection<UUID> destroyed) {
        var gone = java.util.Set.copyOf(destroyed);
        known.values().removeIf(gone::contains);
    }

    /** Forgets every cached identifier: subjects another node's sweep destroyed are looked up again. */
    void forgetAll() {
        known.clear();
    }

    private Resolved resolveOnce(Collection<SubjectIdentifier> identifiers) {
        var subjects = new LinkedHashSet<UUID>();
        var unknown = new LinkedHashSet<Keyed>(); // each once, even if given twice
        for (var identifier : identifiers) {
            var keyed = Keyed.of(identifier, key);
            find(keyed).ifPresentOrElse(subjects::add, () -> unknown.add(keyed));
        }
        if (subjects.size() > 1) {
            throw new ConflictException("consent.conflict.different-subjects");
        }
        if (unknown.isEmpty()) {
            return new Resolved(subjects.getFirst(), false);
        }
        boolean created = subjects.isEmpty();
        var subject = created ? create() : subjects.getFirst();
        for (var keyed : unknown) {
            jdbc.sql("INSERT INTO consent_identifier (kind, digest, subject_id) VALUES (?, ?, ?)")
                    .params(keyed.kind(), keyed.digest(), subject)
                    .update();
        }
        return new Resolved(subject, created);
    }

    /** A resolved subject, and whether this transaction created it. */
    private record Resolved(UUID subject, boolean created) {}

    private Optional<UUID> find(Keyed keyed) {
        var cached = known.get(keyed);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = jdbc.sql("SELECT subject_id FROM consent_identifier WHERE kind = ? AND digest = ?")
                .params(keyed.kind(), keyed.digest())
                .query(UUID.class)
                .optional();
        found.ifPresent(id -> known.put(keyed, id));
        return found;
    }

    /** An identifier as stored: its kind and keyed digest, computed once. */
    private record Keyed(String kind, String digest) {
        static Keyed of(SubjectIdentifier identifier, KeyedDigest key) {
            return new Keyed(identifier.kind().name(), key.digest(identifier));
        }
    }

    private UUID create() {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO consent_subject (id, created_at) VALUES (?, ?)")
                .params(id, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return id;
    }
}
