package ca.gardien.console;

import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.setup.SecurityMockMvcConfigurers.springSecurity;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;

import ca.gardien.shared.Listing;
import ca.gardien.support.BenchApplication;
import java.sql.DriverManager;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.test.web.servlet.setup.MockMvcBuilders;
import org.springframework.web.context.WebApplicationContext;

/**
 * Lists benchmark (issue 13): the requests queue, the consent history and the ledger pages of the console on PostgreSQL
 * with N requests, M consent records and L ledger entries seeded with {@code generate_series}, each page (server time:
 * the whole request through the security filters, the controller and Thymeleaf, in MockMvc) against a bare
 * {@code SELECT} of the same page (same columns, same keyset {@code WHERE}/{@code ORDER BY}/limit, over JDBC) in the
 * same run, alternating. Prints p50 and p95 of both and the ratio of the p95s. Not a Surefire test (name).
 *
 * <p>Arguments: requests consent-records ledger-entries iterations [case-name prefix] (defaults 100000 1000000
 * 5000000 200, every case).
 */
public final class ListsBenchmark {

    private ListsBenchmark() {}

    record Case(String name, String path, String sql, Object[] params) {}

    public static void main(String[] args) throws Exception {
        long requests = args.length > 0 ? Long.parseLong(args[0]) : 100_000;
        long consents = args.length > 1 ? Long.parseLong(args[1]) : 1_000_000;
        long entries = args.length > 2 ? Long.parseLong(args[2]) : 5_000_000;
        int iterations = args.length > 3 ? Integer.parseInt(args[3]) : 200;
        try (var app = BenchApplication.start("gardien_lists_bench");
                var raw = DriverManager.getConnection(app.url())) {
            var context = app.context();
            var jdbc = context.getBean(JdbcTemplate.class);
            long t0 = System.nanoTime();
            seed(
                    jdbc,
                    new org.springframework.transaction.support.TransactionTemplate(
                            context.getBean(org.springframework.transaction.PlatformTransactionManager.class)),
                    requests,
                    consents,
                    entries);
            System.out.printf(
                    "Lists benchmark, %s: %,d requests, %,d consent records, %,d ledger entries seeded in %.1f s%n",
                    jdbc.queryForObject("SELECT split_part(version(), ' on ', 1)", String.class),
                    requests,
                    consents,
                    entries,
                    (System.nanoTime() - t0) / 1e9);

            var mvc = MockMvcBuilders.webAppContextSetup((WebApplicationContext) context)
                    .apply(springSecurity())
                    .build();
            var session = (MockHttpSession) mvc.perform(post("/login")
                            .param("username", "officer")
                            .param("password", BenchApplication.PASSWORD)
                            .with(csrf()))
                    .andReturn()
                    .getRequest()
                    .getSession(false);

            var queueSql =
                    "SELECT r.id, r.reference, r.type, r.status, r.jurisdiction, r.channel, r.received_at, r.due_on,"
                            + " (SELECT i.kind || ':' || i.identifier FROM requests_identifier i WHERE i.request_id = r.id"
                            + " ORDER BY CASE i.kind WHEN 'EMAIL' THEN 0 WHEN 'PHONE' THEN 1 ELSE 2 END, i.kind"
                            + " FETCH FIRST 1 ROWS ONLY) AS requester FROM requests_request r"
                            + " WHERE r.status IN ('APPROVED', 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'RECEIVED',"
                            + " 'RESPONSE_DRAFTED')";
            var deepQueue = jdbc.queryForMap("SELECT due_on, id FROM requests_request WHERE status IN ('APPROVED',"
                    + " 'IDENTITY_VERIFIED', 'IN_PROGRESS', 'RECEIVED', 'RESPONSE_DRAFTED') ORDER BY due_on, id OFFSET "
                    + (requests / 4) + " LIMIT 1");
            var deepDue = java.sql.Date.valueOf(deepQueue.get("due_on").toString());
            var deepId = (UUID) deepQueue.get("id");
            var consentSql = "SELECT seq, recorded_at, purpose_id, state, kind, given_by, channel, notice_version,"
                    + " valid_until FROM consent_record";
            var ledgerSql = "SELECT sequence, event_id, recorded_at, occurred_at, actor_kind, actor_id, action,"
                    + " object_type, object_id, payload, prev_hash, hash FROM ledger_entry";
            long ledgerMiddle = entries / 2;
            long consentMiddle = consents / 2;
            var cases = List.of(
                    new Case("floor: a page without a list", "/console/password", "SELECT 1", new Object[0]),
                    new Case(
                            "queue, first page",
                            "/console/requests",
                            queueSql + " ORDER BY r.due_on ASC, r.id ASC FETCH FIRST 51 ROWS ONLY",
                            new Object[0]),
                    new Case(
                            "queue, deep page (keyset)",
                            "/console/requests?after="
                                    + Listing.cursor(
                                            List.of(deepQueue.get("due_on").toString(), deepId.toString())),
                            queueSql + " AND r.due_on >= ? AND (r.due_on > ? OR (r.due_on = ? AND r.id > ?))"
                                    + " ORDER BY r.due_on ASC, r.id ASC FETCH FIRST 51 ROWS ONLY",
                            new Object[] {deepDue, deepDue, deepDue, deepId}),
                    new Case(
                            "consent history, first page",
                            "/console/consent/records",
                            consentSql + " WHERE 1 = 1 ORDER BY seq DESC FETCH FIRST 51 ROWS ONLY",
                            new Object[0]),
                    new Case(
                            "consent history, purpose + state, deep",
                            "/console/consent/records?purpose=p3&state=WITHDRAWN&after="
                                    + Listing.cursor(List.of(Long.toString(consentMiddle))),
                            consentSql + " WHERE 1 = 1 AND purpose_id = ? AND state = ? AND seq < ?"
                                    + " ORDER BY seq DESC FETCH FIRST 51 ROWS ONLY",
                            new Object[] {"p3", "WITHDRAWN", consentMiddle}),
                    new Case(
                            "ledger, first page",
                            "/console/ledger",
                            ledgerSql + " WHERE 1 = 1 ORDER BY sequence DESC FETCH FIRST 51 ROWS ONLY",
                            new Object[0]),
                    new Case(
                            "ledger, action filter, deep",
                            "/console/ledger?action=requests.received&after="
                                    + Listing.cursor(List.of(Long.toString(ledgerMiddle))),
                            ledgerSql + " WHERE 1 = 1 AND action = ? AND sequence < ?"
                                    + " ORDER BY sequence DESC FETCH FIRST 51 ROWS ONLY",
                            new Object[] {"requests.received", ledgerMiddle}));
            System.out.printf(
                    "%-40s %10s %10s %10s %10s %8s  %s%n",
                    "page", "page p50", "page p95", "SQL p50", "SQL p95", "ratio", "p95 <= 150 ms");
            var only = args.length > 4 ? args[4] : "";
            var chosen = cases.stream().filter(c -> c.name().startsWith(only)).toList();
            // warm-up of the JIT over every chosen page first, so that the first case measured does not pay it alone
            int warmup = Math.max(10, iterations / 10);
            for (int w = 0; w < warmup; w++) {
                for (var c : chosen) {
                    page(mvc, session, c);
                    bare(raw, c);
                }
            }
            for (var c : chosen) {
                var page = new long[iterations];
                var bare = new long[iterations];
                for (int i = -warmup; i < iterations; i++) {
                    long pageNanos = page(mvc, session, c);
                    long bareNanos = bare(raw, c);
                    if (i >= 0) {
                        page[i] = pageNanos;
                        bare[i] = bareNanos;
                    }
                }
                double p95 = percentile(page, 95);
                double b95 = percentile(bare, 95);
                System.out.printf(
                        "%-40s %8.1fms %8.1fms %8.1fms %8.1fms %7.1fx  %s%n",
                        c.name(),
                        percentile(page, 50),
                        p95,
                        percentile(bare, 50),
                        b95,
                        p95 / b95,
                        p95 <= 150 ? "yes" : "NO");
            }
        }
    }

    /** The page's server time in nanoseconds (the whole request in MockMvc). */
    static long page(org.springframework.test.web.servlet.MockMvc mvc, MockHttpSession session, Case c)
            throws Exception {
        long s = System.nanoTime();
        var status = mvc.perform(get(c.path()).session(session))
                .andReturn()
                .getResponse()
                .getStatus();
        long nanos = System.nanoTime() - s;
        if (status != 200) {
            throw new IllegalStateException(c.path() + " answered " + status);
        }
        return nanos;
    }

    /** The bare SELECT's time in nanoseconds, every column of every row read. */
    static long bare(java.sql.Connection raw, Case c) throws java.sql.SQLException {
        long s = System.nanoTime();
        try (var ps = raw.prepareStatement(c.sql())) {
            for (int p = 0; p < c.params().length; p++) {
                ps.setObject(p + 1, c.params()[p]);
            }
            try (var rs = ps.executeQuery()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int col = 1; col <= columns; col++) {
                        rs.getObject(col);
                    }
                }
            }
        }
        return System.nanoTime() - s;
    }

    /** Seeds in SQL ({@code generate_series}), then analyzes the tables. */
    static void seed(
            JdbcTemplate jdbc,
            org.springframework.transaction.support.TransactionTemplate transactions,
            long requests,
            long consents,
            long entries) {
        jdbc.execute("INSERT INTO requests_request (id, reference, type, status, jurisdiction, channel, language,"
                + " staff_review, received_at, due_on, updated_at, version)"
                + " SELECT md5('r' || g)::uuid, 'R-2026-' || lpad(g::text, 6, '0'), (ARRAY['ACCESS','RECTIFICATION','ERASURE'])[1 + g % 3],"
                // past due and still open would be deemed refused by the requests clock's first tick (QC), 15,000 moves
                // during the measurement: seeded as the clock leaves them
                + " CASE WHEN g % 60 < 15 AND g % 8 < 5 THEN 'DEEMED_REFUSED' ELSE"
                + " (ARRAY['RECEIVED','IDENTITY_VERIFIED','IN_PROGRESS','RESPONSE_DRAFTED','APPROVED','SENT','CLOSED',"
                + "'CANCELLED'])[1 + g % 8] END, 'QC', 'PORTAL', 'fr', 'NOT_REQUIRED',"
                + " now() - g * interval '1 minute', current_date + (g % 60 - 15), now(), 0"
                + " FROM generate_series(1, " + requests + ") g");
        jdbc.execute("INSERT INTO requests_identifier (request_id, kind, identifier, digest, failed_attempts,"
                + " codes_sent) SELECT md5('r' || g)::uuid, 'EMAIL', 'person' || g || '@example.test',"
                + " md5('e' || g) || md5('f' || g), 0, 0 FROM generate_series(1, " + requests + ") g");
        long subjects = Math.max(1, consents / 10);
        jdbc.execute("INSERT INTO consent_subject (id, created_at) SELECT md5('s' || g)::uuid, now()"
                + " FROM generate_series(1, " + subjects + ") g");
        jdbc.execute("INSERT INTO consent_record (id, subject_id, purpose_id, state, kind, given_by, channel, gpc,"
                + " recorded_at, actor_kind, actor_id, ledger_event_id)"
                + " SELECT md5('c' || g)::uuid, md5('s' || (1 + g % " + subjects + "))::uuid, 'p' || (g % 8),"
                // the state independent of the purpose (g % 8): every purpose has records in every state
                + " (ARRAY['GRANTED','REFUSED','WITHDRAWN','EXPIRED'])[1 + (g / 8) % 4], 'EXPRESS', 'PERSON', 'BANNER',"
                + " false, now() - (" + consents + " - g) * interval '1 second', 'SYSTEM', 'system',"
                + " md5('l' || g)::uuid FROM generate_series(1, " + consents + ") g");
        transactions.executeWithoutResult(t -> {
            // the ledger writer appends start-up facts meanwhile: the head row, locked for the whole insert, keeps it
            // out
            long first =
                    jdbc.queryForObject("SELECT last_sequence FROM ledger_head WHERE id = 1 FOR UPDATE", Long.class)
                            + 1;
            jdbc.execute("INSERT INTO ledger_entry (sequence, event_id, recorded_at, occurred_at, actor_kind, actor_id,"
                    + " action, object_type, object_id, payload, prev_hash, hash)"
                    + " SELECT g, md5('x' || g)::uuid, now() - (" + (first + entries) + " - g) * interval '100 ms',"
                    + " now() - (" + (first + entries) + " - g) * interval '100 ms', 'ACCOUNT',"
                    + " md5('a' || (g % 50)), (ARRAY['requests.received','consent.recorded','requests.identity-verified',"
                    + "'account.signed-in','connectors.run-completed'])[1 + g % 5], 'request', md5('o' || (g % 100000)),"
                    + " '{\"kinds\":\"EMAIL\"}', repeat('0', 64), md5('h' || g) || md5('i' || g)"
                    + " FROM generate_series(" + first + ", " + (first + entries - 1) + ") g");
            jdbc.execute("UPDATE ledger_head SET last_sequence = " + (first + entries - 1)
                    + ", last_hash = md5('h' || " + (first + entries - 1) + ") || md5('i' || " + (first + entries - 1)
                    + ") WHERE id = 1");
        });
        jdbc.execute("ANALYZE requests_request");
        jdbc.execute("ANALYZE requests_identifier");
        jdbc.execute("ANALYZE consent_record");
        jdbc.execute("ANALYZE ledger_entry");
    }

    static double percentile(long[] nanos, int p) {
        var sorted = Arrays.copyOf(nanos, nanos.length);
        Arrays.sort(sorted);
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, index)] / 1e6;
    }
}
