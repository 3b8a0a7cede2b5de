package ca.gardien.consent;

import ca.gardien.inventory.Inventory;
import ca.gardien.organization.AccountAdministration;
import ca.gardien.organization.Role;
import ca.gardien.organization.TokenService;
import ca.gardien.shared.Actor;
import ca.gardien.support.BenchApplication;
import ca.gardien.support.KeepAliveHttp;
import ca.gardien.support.TimedLoad;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Set;
import java.util.UUID;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * Consent record writes over HTTP — {@code POST /api/v1/consents} with a token, and the banner's
 * {@code POST /consent/choices} with one category (one record per call) — against a raw single-row autocommit
 * {@code INSERT} of rows shaped like a consent record (same columns filled, same sizes), at the same concurrency, in the
 * same run and schema (issue 21: target at least 0.5 of raw at C = 8 and 32). Prints the rates, the ratios, and p50/p99
 * of each side. Usage: {@code ConsentWriteBenchmark [concurrencies=8,32] [seconds=10] [warm-up seconds=5]}.
 */
public final class ConsentWriteBenchmark {

    private ConsentWriteBenchmark() {}

    public static void main(String[] args) throws Exception {
        var concurrency = Arrays.stream((args.length > 0 ? args[0] : "8,32").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        var measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 10);
        var warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 5);
        try (var app = BenchApplication.start(
                "gardien_consent_bench", // every call comes from one address here: lift the banner's abuse limit
                java.util.List.of("--gardien.consent.limits.banner-per-address=100000000/1m"))) {
            var context = app.context();
            context.getBean(Inventory.class).apply(ConsentMap.YAML, Actor.SYSTEM);
            var jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE bench_raw_consent (LIKE consent_record INCLUDING ALL)");
            var officer = context.getBean(AccountAdministration.class)
                    .byUsername("officer")
                    .orElseThrow()
                    .id();
            var bearer = "Bearer "
                    + context.getBean(TokenService.class)
                            .issue(officer, "bench", Set.of(Role.PRIVACY_OFFICER), Actor.SYSTEM)
                            .secret();
            int port = ((WebServerApplicationContext) context).getWebServer().getPort();
            System.out.printf(
                    "Consent writes over HTTP vs raw INSERT, %s, synchronous_commit=%s, %d s per side after %d s"
                            + " warm-up%n",
                    jdbc.queryForObject("SELECT split_part(version(), ' on ', 1)", String.class),
                    jdbc.queryForObject("SHOW synchronous_commit", String.class),
                    measure.toSeconds(),
                    warmup.toSeconds());
            for (int c : concurrency) {
                var writer = context.getBean(ConsentWriter.class);
                var before = writer.groupsAndWrites();
                var api = TimedLoad.run(
                        c,
                        warmup,
                        measure,
                        id -> http(port, client -> {
                            var body = """
                        {"subject": {"email": "b-%s@example.test"}, "purpose": "newsletter", "state": "GRANTED",
                         "kind": "EXPRESS", "channel": "API", "evidence": {"ip": "192.0.2.%d",
                         "userAgent": "Mozilla/5.0 (bench) %s", "language": "fr"}}""".formatted(UUID.randomUUID(), id % 250, UUID.randomUUID());
                            expect(client.postJson("/api/v1/consents", body, "Authorization: " + bearer), 201);
                        }));
                var afterApi = writer.groupsAndWrites();
                var banner = TimedLoad.run(
                        c,
                        warmup,
                        measure,
                        id -> http(port, client -> {
                            var body = """
                        {"visitor": "v-%s", "choices": {"statistics": true}, "language": "fr"}""".formatted(UUID.randomUUID());
                            expect(client.postJson("/consent/choices", body), 204);
                        }));
                var afterBanner = writer.groupsAndWrites();
                var raw = TimedLoad.run(c, warmup, measure, id -> rawInsert(app.url()));
                System.out.printf(
                        "C=%d: writes per group commit (warm-up included): API %.1f, banner %.1f%n",
                        c, perGroup(before, afterApi), perGroup(afterApi, afterBanner));
                System.out.printf(
                        "C=%d: API %s | banner %s | raw INSERT %s | API/raw = %.2f, banner/raw = %.2f%n",
                        c,
                        api.describe("records"),
                        banner.describe("records"),
                        raw.describe("rows"),
                        api.perSecond() / raw.perSecond(),
                        banner.perSecond() / raw.perSecond());
            }
            System.out.printf(
                    "row size (avg pg_column_size): consent_record %s B, bench_raw_consent %s B%n",
                    jdbc.queryForObject("SELECT round(avg(pg_column_size(t.*))) FROM consent_record t", String.class),
                    jdbc.queryForObject(
                            "SELECT round(avg(pg_column_size(t.*))) FROM bench_raw_consent t", String.class));
        }
    }

    private static double perGroup(long[] before, long[] after) {
        long groups = after[0] - before[0];
        return groups == 0 ? 0 : (double) (after[1] - before[1]) / groups;
    }

    /** One call of a worker on its own kept-alive connection. */
    private interface Call {
        void on(KeepAliveHttp client) throws Exception;
    }

    /** One kept-alive connection per worker, as the raw side has one JDBC connection per worker. */
    private static TimedLoad.Worker http(int port, Call call) {
        try {
            var client = new KeepAliveHttp(port);
            return new TimedLoad.Worker() {
                @Override
                public void once() throws Exception {
                    call.on(client);
                }

                @Override
                public void close() throws Exception {
                    client.close();
                }
            };
        } catch (java.io.IOException e) {
            throw new IllegalStateException("cannot connect to Gardien", e);
        }
    }

    private static void expect(int status, int expected) {
        if (status != expected) {
            throw new IllegalStateException("answered " + status + " instead of " + expected);
        }
    }

    /** One connection per worker, autocommit single-row INSERTs of a record-shaped row (same columns and sizes). */
    private static TimedLoad.Worker rawInsert(String url) {
        try {
            Connection connection = DriverManager.getConnection(url);
            connection.setAutoCommit(true);
            PreparedStatement insert = connection.prepareStatement("INSERT INTO bench_raw_consent (id, subject_id,"
                    + " purpose_id, state, kind, given_by, channel, notice_version, age_band, form_id, ip_hash,"
                    + " user_agent_hash, language, gpc, recorded_at, valid_until, actor_kind, actor_id, ledger_event_id)"
                    + " VALUES (?, ?, 'newsletter', 'GRANTED', 'EXPRESS', 'SUBJECT', 'API', NULL, NULL, NULL, ?, ?,"
                    + " 'fr', FALSE, ?, ?, 'ACCOUNT', ?, ?)");
            var random = new SecureRandom();
            var bytes = new byte[32];
            return new TimedLoad.Worker() {
                @Override
                public void once() throws SQLException {
                    var now = OffsetDateTime.now(ZoneOffset.UTC);
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.randomUUID());
                    random.nextBytes(bytes);
                    insert.setString(3, HexFormat.of().formatHex(bytes));
                    random.nextBytes(bytes);
                    insert.setString(4, HexFormat.of().formatHex(bytes));
                    insert.setObject(5, now);
                    insert.setObject(6, now.plusYears(2));
                    insert.setString(7, UUID.randomUUID().toString());
                    insert.setObject(8, UUID.randomUUID());
                    insert.executeUpdate();
                }

                @Override
                public void close() throws SQLException {
                    insert.close();
                    connection.close();
                }
            };
        } catch (SQLException e) {
            throw new IllegalStateException("cannot open a baseline connection", e);
        }
    }
}
