package ca.gardien.ledger;

import ca.gardien.shared.Actor;
import ca.gardien.support.BenchApplication;
import ca.gardien.support.TimedLoad;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Map;
import java.util.UUID;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * BM-3 (bench/README.md): appends per second through the real append path ({@link LedgerWriter#append}, group commit
 * under the head-row lock) with C concurrent callers, against autocommit single-row INSERTs of equally sized rows
 * into a copy of {@code ledger_entry} by C connections, in the same run and the same fresh PostgreSQL schema.
 *
 * <p>Arguments: {@code [concurrency,list] [seconds per round] [warm-up seconds] [rounds]}, e.g. {@code 1,8 5 3 3}. The database is
 * {@code GARDIEN_BENCH_POSTGRES_URL}, else {@code GARDIEN_TEST_POSTGRES_URL}, else the local server.
 */
public final class LedgerAppendBenchmark {

    /** The same payload on both sides; with the other fields it makes a canonical text of about 320 bytes. */
    static final Map<String, String> PAYLOAD = Map.of("purpose", "newsletter", "version", "3");

    private LedgerAppendBenchmark() {}

    public static void main(String[] args) throws Exception {
        var concurrency = Arrays.stream((args.length > 0 ? args[0] : "1,8").split(","))
                .map(String::trim)
                .map(Integer::parseInt)
                .toList();
        var measure = Duration.ofSeconds(args.length > 1 ? Long.parseLong(args[1]) : 5);
        var warmup = Duration.ofSeconds(args.length > 2 ? Long.parseLong(args[2]) : 3);
        int rounds = args.length > 3 ? Integer.parseInt(args[3]) : 3;
        try (var app = BenchApplication.start("gardien_bench")) {
            var context = app.context();
            var url = app.url();
            var jdbc = context.getBean(JdbcTemplate.class);
            jdbc.execute("CREATE TABLE bench_raw_entry (LIKE ledger_entry INCLUDING ALL)");
            System.out.printf(
                    "BM-3 ledger append vs raw INSERT, %s, synchronous_commit=%s, fsync=%s, %d alternating rounds of"
                            + " %d s per side (after %d s warm-up)%n",
                    jdbc.queryForObject("SELECT split_part(version(), ' on ', 1)", String.class),
                    jdbc.queryForObject("SHOW synchronous_commit", String.class),
                    jdbc.queryForObject("SHOW fsync", String.class),
                    rounds,
                    measure.toSeconds(),
                    warmup.toSeconds());
            var writer = context.getBean(LedgerWriter.class);
            var raw = new RawInserts(url);
            for (int c : concurrency) {
                long ledgerOperations = 0;
                long rawOperations = 0;
                double lowest = Double.MAX_VALUE;
                double highest = 0;
                for (int round = 1; round <= rounds; round++) {
                    // Alternating short windows: a shared machine's load changes within seconds, and must weigh on
                    // both sides alike.
                    var rest = round == 1 ? warmup : Duration.ofSeconds(1);
                    var ledger = TimedLoad.run(
                            c,
                            rest,
                            measure,
                            id -> () -> writer.append(evidence()).get());
                    var inserts = TimedLoad.run(c, rest, measure, id -> raw.worker());
                    double ratio = ledger.perSecond() / inserts.perSecond();
                    lowest = Math.min(lowest, ratio);
                    highest = Math.max(highest, ratio);
                    ledgerOperations += ledger.operations();
                    rawOperations += inserts.operations();
                    System.out.printf(
                            "  C=%d round %d: ledger %s | raw INSERT %s | ledger/raw = %.2f%n",
                            c, round, ledger.describe("appends"), inserts.describe("rows"), ratio);
                }
                double seconds = rounds * measure.toMillis() / 1000.0;
                System.out.printf(
                        "C=%d: ledger %,.0f appends/s | raw INSERT %,.0f rows/s | ledger/raw = %.2f"
                                + " (rounds %.2f-%.2f)%n",
                        c,
                        ledgerOperations / seconds,
                        rawOperations / seconds,
                        (double) ledgerOperations / rawOperations,
                        lowest,
                        highest);
            }
            System.out.printf(
                    "row size (avg pg_column_size): ledger_entry %s B, bench_raw_entry %s B; ledger: %s%n",
                    jdbc.queryForObject("SELECT round(avg(pg_column_size(t.*))) FROM ledger_entry t", String.class),
                    jdbc.queryForObject("SELECT round(avg(pg_column_size(t.*))) FROM bench_raw_entry t", String.class),
                    context.getBean(EvidenceLedger.class).verify().valid() ? "chain verifies" : "CHAIN INVALID");
        }
    }

    static Evidence evidence() {
        return new Evidence(
                UUID.randomUUID(),
                Instant.now(),
                Actor.account(UUID.randomUUID()),
                "consent.recorded",
                "consent",
                UUID.randomUUID().toString(),
                PAYLOAD);
    }
}
