package ca.gardien.ledger;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * The {@code WHERE}, order and limit of a search of the ledger ({@link LedgerQuery}), with its parameters in the order
 * of its {@code ?}: one page of {@code size + 1} entries (the extra one says a next page exists), keyset on sequence.
 * Every filter is in the SQL, so that a page holds {@code size} entries kept whatever it leaves out. Standard SQL, run
 * by H2 and PostgreSQL alike.
 */
record LedgerSearchSql(String sql, List<Object> params) {

    static LedgerSearchSql of(LedgerQuery q) {
        var sql = new StringBuilder(" WHERE 1 = 1");
        var params = new ArrayList<Object>();
        if (q.action() != null) {
            sql.append(" AND action = ?");
            params.add(q.action());
        }
        if (q.kinds() != null) {
            sql.append(q.kinds().isEmpty() ? " AND 1 = 0" : " AND (");
            for (int i = 0; i < q.kinds().size(); i++) {
                var kind = q.kinds().get(i);
                sql.append(i == 0 ? "" : " OR ").append("(action = ?");
                params.add(kind.action());
                if (kind.payloadHolds() != null) {
                    sql.append(" AND payload LIKE ?");
                    params.add(ca.gardien.shared.Listing.contains(kind.payloadHolds()));
                }
                sql.append(")");
            }
            sql.append(q.kinds().isEmpty() ? "" : ")");
        }
        if (q.actors() != null) {
            in(sql, params, "actor_id IN", q.actors());
        }
        if (q.withoutConsultations()) {
            in(sql, params, "action NOT IN", LedgerQuery.CONSULTATIONS);
        }
        if (q.actorKind() != null) {
            sql.append(" AND actor_kind = ?");
            params.add(q.actorKind().name());
        }
        if (q.objects() != null) {
            in(sql, params, "object_id IN", q.objects());
        }
        if (q.from() != null) {
            sql.append(" AND recorded_at >= ?");
            params.add(OffsetDateTime.ofInstant(q.from(), ZoneOffset.UTC));
        }
        if (q.to() != null) {
            sql.append(" AND recorded_at < ?");
            params.add(OffsetDateTime.ofInstant(q.to(), ZoneOffset.UTC));
        }
        if (q.after() != null) {
            sql.append(q.ascending() ? " AND sequence > ?" : " AND sequence < ?");
            params.add(q.after());
        }
        sql.append(" ORDER BY sequence").append(q.ascending() ? " ASC" : " DESC");
        sql.append(" FETCH FIRST ").append(q.size() + 1).append(" ROWS ONLY");
        return new LedgerSearchSql(sql.toString(), List.copyOf(params));
    }

    /** {@code AND <column> [NOT] IN (?, …)} with its values; an empty {@code IN} keeps nothing. */
    private static void in(StringBuilder sql, List<Object> params, String test, List<String> values) {
        sql.append(values.isEmpty() ? " AND 1 = 0" : " AND " + test + " (")
                .append(String.join(", ", Collections.nCopies(values.size(), "?")))
                .append(values.isEmpty() ? "" : ")");
        params.addAll(values);
    }
}
