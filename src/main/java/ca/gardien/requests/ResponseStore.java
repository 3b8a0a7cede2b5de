package ca.gardien.requests;

import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The drafted answer of each request, and the one-time download links (stored as keyed digests). */
@Repository
class ResponseStore {

    record Link(UUID requestId, Instant expiresAt, Instant downloadedAt) {}

    private final JdbcClient jdbc;
    private final RequestKeys keys;

    ResponseStore(JdbcClient jdbc, RequestKeys keys) {
        this.jdbc = jdbc;
        this.keys = keys;
    }

    /** Saves the draft, its message and reasons (written to the person) sealed under the request's key. */
    void save(UUID requestId, ResponseDraft d, String actor, Instant at) {
        var key = keys.ofRequest(requestId);
        jdbc.sql("DELETE FROM requests_response WHERE request_id = ?")
                .param(requestId)
                .update();
        jdbc.sql("INSERT INTO requests_response (request_id, outcome, message, reasons, legal_provisions, remedy,"
                        + " remedy_days, drafted_at, drafted_by, documents) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")
                .params(
                        requestId,
                        d.outcome(),
                        key.seal(d.message()),
                        key.seal(d.reasons()),
                        String.join("\n", d.legalProvisions()),
                        d.remedy(),
                        d.remedyTimeLimitDays(),
                        RequestStore.utc(at),
                        actor,
                        d.documents().isEmpty()
                                ? null
                                : String.join(
                                        ",",
                                        d.documents().stream()
                                                .map(UUID::toString)
                                                .toList()))
                .update();
    }

    /** Deletes the draft (a refusal whose reason no longer holds); the ledger keeps that it was drafted. */
    void withdraw(UUID requestId) {
        jdbc.sql("DELETE FROM requests_response WHERE request_id = ?")
                .param(requestId)
                .update();
    }

    Optional<ResponseDraft> find(UUID requestId) {
        var key = keys.ofRequest(requestId);
        return jdbc.sql("SELECT * FROM requests_response WHERE request_id = ?")
                .param(requestId)
                .query((rs, n) -> {
                    var provisions = rs.getString("legal_provisions");
                    var documents = rs.getString("documents");
                    return new ResponseDraft(
                            rs.getString("outcome"),
                            key.open(rs.getString("message")),
                            key.open(rs.getString("reasons")),
                            provisions == null || provisions.isEmpty() ? null : Arrays.asList(provisions.split("\n")),
                            rs.getString("remedy"),
                            (Integer) rs.getObject("remedy_days"),
                            documents == null || documents.isEmpty()
                                    ? null
                                    : Arrays.stream(documents.split(","))
                                            .map(UUID::fromString)
                                            .toList());
                })
                .optional();
    }

    void approve(UUID requestId, String actor, Instant at) {
        jdbc.sql("UPDATE requests_response SET approved_by = ?, approved_at = ? WHERE request_id = ?")
                .params(actor, RequestStore.utc(at), requestId)
                .update();
    }

    void link(String tokenDigest, UUID requestId, Instant expiresAt) {
        jdbc.sql("INSERT INTO requests_download (token_digest, request_id, expires_at) VALUES (?, ?, ?)")
                .params(tokenDigest, requestId, RequestStore.utc(expiresAt))
                .update();
    }

    Optional<Link> link(String tokenDigest) {
        return jdbc.sql("SELECT * FROM requests_download WHERE token_digest = ?")
                .param(tokenDigest)
                .query((rs, n) -> new Link(
                        rs.getObject("request_id", UUID.class),
                        RequestStore.instant(rs, "expires_at"),
                        RequestStore.instant(rs, "downloaded_at")))
                .optional();
    }

    /**
     * Which of these requests had their answer downloaded through its link: the person has it, whatever became of the
     * message that carried the link.
     */
    java.util.Set<UUID> downloadedAmong(java.util.Collection<UUID> ids) {
        if (ids.isEmpty()) {
            return java.util.Set.of();
        }
        return java.util.Set.copyOf(jdbc.sql("SELECT DISTINCT request_id FROM requests_download"
                        + " WHERE downloaded_at IS NOT NULL AND request_id IN (:ids)")
                .param("ids", java.util.List.copyOf(ids))
                .query(UUID.class)
                .list());
    }

    /** Marks the link used; false when another download got there first. */
    boolean use(String tokenDigest, Instant at) {
        return jdbc.sql(
                                "UPDATE requests_download SET downloaded_at = ? WHERE token_digest = ? AND downloaded_at IS NULL")
                        .params(RequestStore.utc(at), tokenDigest)
                        .update()
                == 1;
    }
}
