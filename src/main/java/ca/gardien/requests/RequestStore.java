package ca.gardien.requests;

import ca.gardien.requests.RightsRequest.Review;
import ca.gardien.shared.IdentifierKind;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The requests and their identifiers (tables {@code requests_request}, {@code requests_identifier}). */
@Repository
class RequestStore {

    private final JdbcClient jdbc;
    private final RequestRows rows;
    private final ca.gardien.shared.SubjectKeys keys;
    private final java.util.concurrent.atomic.AtomicLong generation = new java.util.concurrent.atomic.AtomicLong();

    RequestStore(JdbcClient jdbc, RequestRows rows, ca.gardien.shared.SubjectKeys keys) {
        this.jdbc = jdbc;
        this.rows = rows;
        this.keys = keys;
    }

    /**
     * Stores a new request, its details, name and postal address and identifier values sealed under a subject key of its
     * own.
     */
    void insert(RightsRequest r, List<IdentifierRow> identifiers) {
        changed();
        var key = keys.create();
        var seal = keys.key(key);
        jdbc.sql("INSERT INTO requests_request (id, subject_key, reference, type, status, jurisdiction, channel,"
                        + " language, subject_category, details, addressee_name, postal_address, representative,"
                        + " staff_review, received_at, due_on, extended_due_on, duplicate_of, updated_at, version)"
                        + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")
                .params(
                        r.id(),
                        key,
                        r.reference(),
                        r.type().name(),
                        r.status().name(),
                        r.jurisdiction(),
                        r.channel().name(),
                        r.language(),
                        r.subjectCategory(),
                        seal.seal(r.details()),
                        r.addressee() == null ? null : seal.seal(r.addressee().name()),
                        r.addressee() == null ? null : seal.seal(r.addressee().postalAddress()),
                        r.representative() == null ? null : r.representative().name(),
                        r.identityReview().name(),
                        utc(r.receivedAt()),
                        r.dueOn(),
                        r.extendedDueOn(),
                        r.duplicateOf(),
                        utc(r.receivedAt()))
                .update();
        identifiers.forEach(i -> jdbc.sql("INSERT INTO requests_identifier (request_id, kind, identifier, digest,"
                        + " failed_attempts, codes_sent) VALUES (?, ?, ?, ?, 0, 0)")
                .params(i.requestId(), i.kind().name(), seal.seal(i.value()), i.digest())
                .update());
    }

    java.util.Map<UUID, String> referencesOf(java.util.Collection<UUID> ids) {
        return ca.gardien.shared.References.of(jdbc, "requests_request", ids);
    }

    Set<UUID> purgedAmong(java.util.Collection<UUID> ids) {
        return among("purged_at IS NOT NULL", List.of(), ids);
    }

    /** Which of these requests are in this status (one statement). */
    Set<UUID> inStatus(RequestStatus status, java.util.Collection<UUID> ids) {
        return among("status = ?", List.of(status.name()), ids);
    }

    /** Which of these requests are in one of these two statuses. */
    Set<UUID> inStatus(RequestStatus one, RequestStatus other, java.util.Collection<UUID> ids) {
        return among("status IN (?, ?)", List.of(one.name(), other.name()), ids);
    }

    private Set<UUID> among(String condition, List<Object> params, java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        var all = new java.util.ArrayList<Object>(params);
        all.addAll(ids);
        return Set.copyOf(jdbc.sql("SELECT id FROM requests_request WHERE " + condition + " AND id IN ("
                        + String.join(", ", java.util.Collections.nCopies(ids.size(), "?")) + ")")
                .params(all)
                .query(UUID.class)
                .list());
    }

    /** The request a human reference names (as {@link ca.gardien.shared.References#parse} reads it). */
    Optional<UUID> idOf(String reference) {
        return jdbc.sql("SELECT id FROM requests_request WHERE reference = ?")
                .param(reference)
                .query(UUID.class)
                .optional();
    }

    Optional<RightsRequest> find(UUID id) {
        return jdbc.sql("SELECT * FROM requests_request WHERE id = ?")
                .param(id)
                .query((rs, n) -> rows.request(rs))
                .optional();
    }

    List<RightsRequest> list(RequestStatus status, RequestType type, int limit) {
        var sql = new StringBuilder("SELECT * FROM requests_request WHERE 1 = 1");
        var params = new java.util.ArrayList<Object>();
        if (status != null) {
            sql.append(" AND status = ?");
            params.add(status.name());
        }
        if (type != null) {
            sql.append(" AND type = ?");
            params.add(type.name());
        }
        sql.append(" ORDER BY due_on, received_at, id");
        return jdbc.sql(sql.toString())
                .params(params)
                .withMaxRows(limit)
                .query((rs, n) -> rows.request(rs))
                .list();
    }

    /**
     * Open requests counted by jurisdiction, due date and status: a few hundred groups at most, whatever the size of
     * the queue, read by {@link OpenRequests} (burn-down and dashboard) instead of the requests themselves.
     */
    List<OpenRequests.Group> openGroups() {
        return jdbc.sql("SELECT jurisdiction, due_on, status, COUNT(*) AS n FROM requests_request"
                        + " WHERE status IN ('RECEIVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'RESPONSE_DRAFTED',"
                        + " 'APPROVED') GROUP BY jurisdiction, due_on, status")
                .query((rs, n) -> new OpenRequests.Group(
                        rs.getString("jurisdiction"),
                        rs.getObject("due_on", LocalDate.class),
                        RequestStatus.valueOf(rs.getString("status")),
                        rs.getLong("n")))
                .list();
    }

    /** Bumped by every change of a request's status or due date on this node (the open counts' cache key). */
    long generation() {
        return generation.get();
    }

    void changed() {
        generation.incrementAndGet();
    }

    /**
     * Moves the request if it is still in {@code from}; false when another call moved it first. A move out of the open
     * statuses records when the request ended ({@code ended_at}, from which its retention period runs).
     */
    boolean move(UUID id, RequestStatus from, RequestStatus to, Instant at) {
        changed();
        return jdbc.sql("UPDATE requests_request SET status = ?, updated_at = ?, ended_at = ?, version = version + 1"
                                + " WHERE id = ? AND status = ?")
                        .params(to.name(), utc(at), to.isOpen() ? null : utc(at), id, from.name())
                        .update()
                == 1;
    }

    void review(UUID id, Review review, Instant at) {
        jdbc.sql("UPDATE requests_request SET staff_review = ?, updated_at = ?, version = version + 1 WHERE id = ?")
                .params(review.name(), utc(at), id)
                .update();
    }

    /**
     * An open request of this type that matches on the same identifier, other than {@code except}. The identifier's
     * digest is looked for under both labels ({@link ca.gardien.shared.KeyedDigest#storedDigests}).
     */
    Optional<UUID> openDuplicate(RequestType type, IdentifierKind kind, List<String> digests) {
        return jdbc.sql("SELECT r.id FROM requests_request r JOIN requests_identifier i ON i.request_id = r.id"
                        + " WHERE r.type = ? AND i.kind = ? AND i.digest IN (?, ?) AND r.status IN (?, ?, ?, ?, ?)"
                        + " ORDER BY r.received_at")
                .params(
                        type.name(),
                        kind.name(),
                        digests.getFirst(),
                        digests.getLast(),
                        "RECEIVED",
                        "IDENTITY_VERIFIED",
                        "IN_PROGRESS",
                        "RESPONSE_DRAFTED",
                        "APPROVED")
                .withMaxRows(1)
                .query(UUID.class)
                .optional();
    }

    /** Open requests whose due date is before {@code day} (the clock has run out). */
    List<RightsRequest> overdue(LocalDate day) {
        return jdbc.sql("SELECT * FROM requests_request WHERE due_on < ? AND status IN (?, ?, ?, ?, ?)")
                .params(day, "RECEIVED", "IDENTITY_VERIFIED", "IN_PROGRESS", "RESPONSE_DRAFTED", "APPROVED")
                .query((rs, n) -> rows.request(rs))
                .list();
    }

    List<IdentifierRow> identifiers(UUID requestId) {
        return rows.identifiers(requestId);
    }

    /** Takes the request's row lock for the rest of the transaction (steps that must not race on one request). */
    boolean lock(UUID id, Instant at) {
        return jdbc.sql("UPDATE requests_request SET updated_at = ?, version = version + 1 WHERE id = ?")
                        .params(utc(at), id)
                        .update()
                == 1;
    }

    static Instant instant(ResultSet rs, String column) throws SQLException {
        var value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    static OffsetDateTime utc(Instant instant) {
        return instant == null ? null : OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }
}
