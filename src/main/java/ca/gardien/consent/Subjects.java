package ca.gardien.consent;

import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.SortedSet;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.JdbcTemplate;
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
    private final JdbcTemplate batches;
    private final KeyedDigest key;
    private final Clock clock;
    private final ConcurrentHashMap<Keyed, UUID> known = new ConcurrentHashMap<>();

    Subjects(JdbcClient jdbc, JdbcTemplate batches, @Qualifier(ConsentConfiguration.KEY) KeyedDigest key, Clock clock) {
        this.jdbc = jdbc;
        this.batches = batches;
        this.key = key;
        this.clock = clock;
    }

    Optional<UUID> find(SubjectIdentifier identifier) {
        return find(Keyed.of(identifier, key));
    }

    /** The identifiers as stored (their keyed digests). */
    List<Keyed> keyed(Collection<SubjectIdentifier> identifiers) {
        return identifiers.stream().map(identifier -> Keyed.of(identifier, key)).toList();
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
    record Keyed(String kind, String digest) {
        static Keyed of(SubjectIdentifier identifier, KeyedDigest key) {
            return new Keyed(identifier.kind().name(), key.digest(identifier));
        }
    }

    /** The subjects of those identifiers that are known: from this node's cache, the rest in one query. */
    Map<Keyed, UUID> findAll(Collection<Keyed> identifiers) {
        var found = new HashMap<Keyed, UUID>();
        var unknown = new LinkedHashSet<Keyed>();
        for (var keyed : identifiers) {
            var cached = known.get(keyed);
            if (cached != null) {
                found.put(keyed, cached);
            } else {
                unknown.add(keyed);
            }
        }
        if (!unknown.isEmpty()) {
            var params = new ArrayList<Object>(2 * unknown.size());
            unknown.forEach(keyed -> {
                params.add(keyed.kind());
                params.add(keyed.digest());
            });
            jdbc.sql("SELECT kind, digest, subject_id FROM consent_identifier WHERE (kind, digest) IN ("
                            + String.join(", ", Collections.nCopies(unknown.size(), "(?, ?)")) + ")")
                    .params(params)
                    .query((rs, n) -> new Link(
                            new Keyed(rs.getString("kind"), rs.getString("digest")),
                            rs.getObject("subject_id", UUID.class)))
                    .list()
                    .forEach(link -> {
                        found.put(link.identifier(), link.subject());
                        known.put(link.identifier(), link.subject());
                    });
        }
        return found;
    }

    /**
     * Locks the subjects' rows, in the order of their ids (two writers never wait on each other in a cycle), as
     * {@link #hold} does for one; returns the subjects that still exist.
     */
    Set<UUID> holdAll(SortedSet<UUID> subjects) {
        if (subjects.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT id FROM consent_subject WHERE id IN ("
                        + String.join(", ", Collections.nCopies(subjects.size(), "?")) + ") ORDER BY id FOR UPDATE")
                .params(List.copyOf(subjects))
                .query(UUID.class)
                .list());
    }

    /** An identifier linked to its subject. */
    record Link(Keyed identifier, UUID subject) {}

    /**
     * Creates the subjects and links the identifiers, one batch of statements each; the identifiers in the order of
     * their key, so that two writers linking the same identifiers meet on the first instead of locking in a cycle.
     */
    void createAll(List<UUID> created, List<Link> links) {
        var now = OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC);
        if (!created.isEmpty()) {
            batches.batchUpdate(
                    "INSERT INTO consent_subject (id, created_at) VALUES (?, ?)",
                    created.stream().map(id -> new Object[] {id, now}).toList());
        }
        if (links.isEmpty()) {
            return;
        }
        batches.batchUpdate(
                "INSERT INTO consent_identifier (kind, digest, subject_id) VALUES (?, ?, ?)",
                links.stream()
                        .sorted(Comparator.comparing((Link l) -> l.identifier().kind())
                                .thenComparing(l -> l.identifier().digest()))
                        .map(l -> new Object[] {
                            l.identifier().kind(), l.identifier().digest(), l.subject()
                        })
                        .toList());
    }
}
