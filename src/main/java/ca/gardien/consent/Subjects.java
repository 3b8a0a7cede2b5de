package ca.gardien.consent;

import ca.gardien.shared.ConflictException;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import java.time.Clock;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Data subjects and the keyed hashes of their identifiers. An identifier never moves to another subject, so a hit is
 * cached for good; misses are not cached (another node may have just created the subject).
 */
@Component
class Subjects {

    private final JdbcClient jdbc;
    private final KeyedDigest key;
    private final Clock clock;
    private final ConcurrentHashMap<String, UUID> known = new ConcurrentHashMap<>();

    Subjects(JdbcClient jdbc, @Qualifier(ConsentConfiguration.KEY) KeyedDigest key, Clock clock) {
        this.jdbc = jdbc;
        this.key = key;
        this.clock = clock;
    }

    Optional<UUID> find(SubjectIdentifier identifier) {
        var cacheKey = cacheKey(identifier);
        var cached = known.get(cacheKey);
        if (cached != null) {
            return Optional.of(cached);
        }
        var found = jdbc.sql("SELECT subject_id FROM consent_identifier WHERE kind = ? AND digest = ?")
                .params(identifier.kind().name(), key.digest(identifier))
                .query(UUID.class)
                .optional();
        found.ifPresent(id -> known.put(cacheKey, id));
        return found;
    }

    /** The subject known by any of the identifiers, created if none is known; every identifier is linked to it. */
    UUID resolve(Collection<SubjectIdentifier> identifiers) {
        var subjects = new LinkedHashSet<UUID>();
        var unknown =
                new LinkedHashMap<String, SubjectIdentifier>(); // by kind and digest: each once, even if given twice
        for (var identifier : identifiers) {
            find(identifier)
                    .ifPresentOrElse(subjects::add, () -> unknown.putIfAbsent(cacheKey(identifier), identifier));
        }
        if (subjects.size() > 1) {
            throw new ConflictException("consent.conflict.different-subjects");
        }
        var subject = subjects.isEmpty() ? create() : subjects.getFirst();
        for (var identifier : unknown.values()) {
            jdbc.sql("INSERT INTO consent_identifier (kind, digest, subject_id) VALUES (?, ?, ?)")
                    .params(identifier.kind().name(), key.digest(identifier), subject)
                    .update();
        }
        return subject;
    }

    private String cacheKey(SubjectIdentifier identifier) {
        return identifier.kind() + ":" + key.digest(identifier);
    }

    private UUID create() {
        var id = UUID.randomUUID();
        jdbc.sql("INSERT INTO consent_subject (id, created_at) VALUES (?, ?)")
                .params(id, OffsetDateTime.ofInstant(clock.instant(), ZoneOffset.UTC))
                .update();
        return id;
    }
}
