package ca.gardien.requests;

import static ca.gardien.requests.RequestStore.instant;
import static ca.gardien.requests.RequestStore.utc;

import ca.gardien.shared.IdentifierKind;
import ca.gardien.shared.KeyedDigest;
import ca.gardien.shared.SubjectIdentifier;
import ca.gardien.shared.SubjectKeys;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The console's queue of requests, one keyset page per statement. */
@Repository
class QueueStore {

    private final JdbcClient jdbc;
    private final SubjectKeys keys;
    private final KeyedDigest digests;
    private final String phoneRegion;

    QueueStore(
            JdbcClient jdbc,
            SubjectKeys keys,
            @Qualifier(RequestsConfiguration.KEY) KeyedDigest digests,
            RequestsProperties properties) {
        this.jdbc = jdbc;
        this.keys = keys;
        this.digests = digests;
        this.phoneRegion = properties.phoneRegion();
    }

    /**
     * The stored digests of a search typed as a whole email, phone number or customer number: identifier values are
     * sealed ({@link SubjectKeys}), so the queue finds a requester by the whole identifier, not by a part of it.
     */
    private List<String> digestsOf(String typed) {
        var found = new ArrayList<String>();
        for (var kind : List.of(IdentifierKind.EMAIL, IdentifierKind.PHONE, IdentifierKind.CUSTOMER)) {
            var identifier = SubjectIdentifier.of(kind, typed, phoneRegion);
            if (identifier != null) {
                found.addAll(digests.storedDigests(identifier));
            }
        }
        return found;
    }

    /**
     * One page of the queue in one statement: the first identifier of each request (by kind) comes from a correlated
     * sub-select, not from a query per row. Keyset paging on (sort column, id); {@code size + 1} rows are read so that
     * the caller knows whether a next page exists; {@code among}, when not null, keeps only those requests;
     * {@code excluded} leaves those out.
     */
    List<QueueQuery.Row> page(
            QueueQuery q, boolean byRequester, java.util.Collection<UUID> among, java.util.Collection<UUID> excluded) {
        var column = "received".equals(q.sort()) ? "r.received_at" : "r.due_on";
        var sql = new StringBuilder(
                "SELECT r.id, r.subject_key, r.reference, r.type, r.status, r.jurisdiction, r.channel, r.received_at, r.due_on,"
                        + " (SELECT i.kind || ':' || i.identifier FROM requests_identifier i WHERE i.request_id = r.id"
                        + " ORDER BY CASE i.kind WHEN 'EMAIL' THEN 0 WHEN 'PHONE' THEN 1 ELSE 2 END, i.kind"
                        + " FETCH FIRST 1 ROWS ONLY) AS requester, r.addressee_name FROM requests_request r WHERE 1 = 1");
        var params = new ArrayList<Object>();
        if (!q.statuses().isEmpty()) {
            // enum names as literals (no input reaches them): the planner can then use the index of open requests
            var names = q.statuses().stream().map(s -> "'" + s.name() + "'").sorted();
            sql.append(" AND r.status IN (")
                    .append(String.join(", ", names.toList()))
                    .append(")");
        }
        if (among != null) {
            sql.append(" AND r.id IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(among.size(), "?")))
                    .append(")");
            params.addAll(among);
        }
        if (!excluded.isEmpty()) {
            sql.append(" AND r.id NOT IN (")
                    .append(String.join(", ", java.util.Collections.nCopies(excluded.size(), "?")))
                    .append(")");
            params.addAll(excluded);
        }
        if (q.type() != null) {
            sql.append(" AND r.type = ?");
            params.add(q.type().name());
        }
        if (q.dueFrom() != null) {
            sql.append(" AND r.due_on >= ?");
            params.add(q.dueFrom());
        }
        if (q.dueBy() != null) {
            sql.append(" AND r.due_on <= ?");
            params.add(q.dueBy());
        }
        if (q.search() != null) {
            var pattern = ca.gardien.shared.Listing.contains(q.search().toLowerCase(Locale.ROOT));
            // a reference as typed ("r-2026-42") is the stored one ("R-2026-00042"); a part of one or of an id matches
            // too
            var reference = ca.gardien.shared.References.parse(q.search());
            sql.append(" AND (r.reference = ? OR LOWER(r.reference) LIKE ? OR LOWER(CAST(r.id AS VARCHAR(36))) LIKE ?");
            params.add(reference == null ? "" : reference);
            params.add(pattern);
            params.add(pattern);
            if (byRequester) {
                // a part of an identifier stored before sealing still matches; a sealed one by its digest only
                var whole = digestsOf(q.search());
                sql.append(" OR EXISTS (SELECT 1 FROM requests_identifier s WHERE s.request_id = r.id AND (");
                if (!whole.isEmpty()) {
                    sql.append("s.digest IN (")
                            .append(String.join(", ", java.util.Collections.nCopies(whole.size(), "?")))
                            .append(") OR ");
                    params.addAll(whole);
                }
                sql.append("(s.identifier NOT LIKE 'sk1:%' AND LOWER(s.identifier) LIKE ?)))");
                params.add(pattern);
            }
            sql.append(")");
        }
        if (q.after() != null) {
            var op = q.ascending() ? ">" : "<";
            // the first bound is redundant but lets the index start at the cursor instead of filtering up to it
            sql.append(" AND " + column + " " + op + "= ? AND (" + column + " " + op + " ? OR (" + column
                    + " = ? AND r.id " + op + " ?))");
            Object value = "received".equals(q.sort())
                    ? utc(Instant.parse(q.after().get(0)))
                    : LocalDate.parse(q.after().get(0));
            params.addAll(List.of(value, value, value));
            params.add(UUID.fromString(q.after().get(1)));
        }
        var dir = q.ascending() ? " ASC" : " DESC";
        sql.append(" ORDER BY ").append(column).append(dir).append(", r.id").append(dir);
        sql.append(" FETCH FIRST ").append(q.size() + 1).append(" ROWS ONLY");
        return jdbc.sql(sql.toString())
                .params(params)
                .query((rs, n) -> new QueueQuery.Row(
                        rs.getObject("id", UUID.class),
                        rs.getString("reference"),
                        RequestType.valueOf(rs.getString("type")),
                        RequestStatus.valueOf(rs.getString("status")),
                        rs.getString("jurisdiction"),
                        RightsRequest.Channel.valueOf(rs.getString("channel")),
                        instant(rs, "received_at"),
                        rs.getObject("due_on", LocalDate.class),
                        requester(
                                rs.getObject("subject_key", UUID.class),
                                rs.getString("requester"),
                                rs.getString("addressee_name"),
                                byRequester),
                        false, // the outbox's, read for the page's sent requests (RequestViews)
                        false))
                .list();
    }

    /**
     * The sub-select's {@code KIND:value} with the value opened, else {@code NAME:} the name staff entered (a letter that
     * gives no identifier); null when neither, and once its key is destroyed. For readers who see identifiers in clear,
     * the name staff entered comes first (officer's review: a phone number stood for "Jean Gagnon").
     */
    private String requester(UUID key, String stored, String name, boolean inClear) {
        if (stored == null || (inClear && name != null)) {
            var opened = name == null ? null : keys.key(key).open(name);
            return opened == null ? null : QueueQuery.Row.NAME + opened;
        }
        int colon = stored.indexOf(':');
        var value = keys.key(key).open(stored.substring(colon + 1));
        return value == null ? null : stored.substring(0, colon + 1) + value;
    }
}
