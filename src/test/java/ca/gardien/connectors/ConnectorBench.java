package ca.gardien.connectors;

import ca.gardien.GardienApplication;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.PayloadApplicationEvent;

/**
 * Connector benchmark (bench/connectors/README.md): generates the CRM schema on PostgreSQL with generate_series (10+ M
 * rows), then measures per-subject export and erasure through Gardien (plan-free runs, end to end: run recorded, keys
 * walked, package written or batches applied, completion recorded) against hand-written SQL for the same kind of
 * subject in the same run, and the peak heap while exporting a subject with 1 M rows.
 */
public final class ConnectorBench {

    private ConnectorBench() {}

    public static void main(String[] args) throws Exception {
        int customers = Integer.parseInt(env("BENCH_CUSTOMERS", "1000000"));
        int subjects = Integer.parseInt(env("BENCH_SUBJECTS", "1000"));
        int heavyRows = Integer.parseInt(env("BENCH_HEAVY_ROWS", "1000000"));
        var base = env(
                "GARDIEN_BENCH_POSTGRES_URL",
                env("GARDIEN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
        var schema =
                "crm_bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        exec(base, "CREATE SCHEMA " + schema);
        var url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        var data = Files.createTempDirectory("gardien-bench");
        ConfigurableApplicationContext context = null;
        try {
            long t0 = System.nanoTime();
            long rows = BenchData.generate(url, customers, heavyRows);
            System.out.printf(
                    "generated %,d rows in %.1f s (schema %s)%n", rows, (System.nanoTime() - t0) / 1e9, schema);
            context = SpringApplication.run(
                    GardienApplication.class,
                    // the production configuration only: the test classes' config/application.yml (batch size 2,
                    // fast retries) is on this classpath and must not shape the figures
                    "--spring.config.location=classpath:/application.yml",
                    "--gardien.data-dir=" + data,
                    "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                    "--gardien.demo.enabled=false",
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN");
            // Completion is heard, not polled: a tight polling loop would take a core from the run it waits for.
            context.addApplicationListener(event -> {
                if (event instanceof PayloadApplicationEvent<?> p
                        && p.getPayload() instanceof ConnectorRunCompleted c) {
                    COMPLETED.add(c.runId());
                }
            });
            context.getBean(ConnectorCatalog.class)
                    .register(new ConnectorRegistration("crm", "jdbc", url, null, null, null), Actor.SYSTEM);
            context.getBean(Inventory.class).apply(CrmDatabase.ANNOTATIONS.formatted("crm"), Actor.SYSTEM);
            var runs = context.getBean(ConnectorRuns.class);
            var random = new Random(42);
            var exportSubjects = pick(random, customers, subjects);
            var eraseSubjects = pick(random, customers, 2 * subjects);
            try (var sql = DriverManager.getConnection(url)) {
                var handWritten = new HandWrittenSql(sql, data);
                // warm-up: JIT, pools, PostgreSQL plans
                for (int i = 0; i < 30; i++) {
                    run(runs, "EXPORT", exportSubjects[i]);
                    handWritten.export(exportSubjects[i]);
                }
                var gardienExport = new long[subjects];
                var sqlExport = new long[subjects];
                for (int i = 0; i < subjects; i++) {
                    gardienExport[i] = run(runs, "EXPORT", exportSubjects[i]);
                    int subject = exportSubjects[i];
                    sqlExport[i] = timed(() -> handWritten.export(subject));
                }
                report("export", gardienExport, sqlExport);
                var gardienErase = new long[subjects];
                var sqlErase = new long[subjects];
                for (int i = 0; i < subjects; i++) {
                    gardienErase[i] = run(runs, "ERASE", eraseSubjects[2 * i]);
                    int subject = eraseSubjects[2 * i + 1];
                    sqlErase[i] = timed(() -> handWritten.erase(subject));
                }
                report("erase", gardienErase, sqlErase);
            }
            if (!"0".equals(System.getenv("BENCH_HEAVY"))) heavy(runs);
        } finally {
            if (context != null) context.close();
            exec(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }

    private static void heavy(ConnectorRuns runs) throws Exception {
        System.gc();
        ManagementFactory.getMemoryPoolMXBeans().forEach(java.lang.management.MemoryPoolMXBean::resetPeakUsage);
        long before = heapPeak();
        long start = System.nanoTime();
        var id = runs.start(
                        "crm", new RunRequest(RunAction.EXPORT, Map.of("email", BenchData.HEAVY), null), Actor.SYSTEM)
                .id();
        var status = await(runs, id);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "heavy export: %,d rows in %,d ms; peak heap %,d MB (after GC before: %,d MB; -Xmx %,d MB)%n",
                status.counts().values().stream().mapToLong(Long::longValue).sum(),
                ms,
                heapPeak() >> 20,
                before >> 20,
                Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long heapPeak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }

    private static long run(ConnectorRuns runs, String action, int customer) throws Exception {
        long start = System.nanoTime();
        var id = runs.start(
                        "crm",
                        new RunRequest(RunAction.of(action), Map.of("email", BenchData.email(customer)), null),
                        Actor.SYSTEM)
                .id();
        await(runs, id);
        return System.nanoTime() - start;
    }

    private static final BlockingQueue<UUID> COMPLETED = new LinkedBlockingQueue<>();

    /** Until the run reads COMPLETED: its completion event is heard just before the transaction that records it commits. */
    private static RunStatus await(ConnectorRuns runs, UUID id) throws InterruptedException {
        while (true) {
            var heard = COMPLETED.poll(100, TimeUnit.MILLISECONDS);
            if (id.equals(heard)) break;
            var status = runs.status(id);
            if (status.status() == RunState.FAILED) throw new IllegalStateException(status.toString());
        }
        while (true) {
            var status = runs.status(id);
            if (status.status() == RunState.COMPLETED) return status;
            Thread.sleep(0, 50_000);
        }
    }

    interface Work {
        void run() throws Exception;
    }

    private static long timed(Work work) throws Exception {
        long start = System.nanoTime();
        work.run();
        return System.nanoTime() - start;
    }

    private static void report(String what, long[] gardien, long[] sql) {
        Arrays.sort(gardien);
        Arrays.sort(sql);
        double g50 = ms(gardien, 0.50), g99 = ms(gardien, 0.99), s50 = ms(sql, 0.50), s99 = ms(sql, 0.99);
        System.out.printf(
                "%-7s Gardien p50 %7.2f ms p99 %7.2f ms | hand-written SQL p50 %7.2f ms p99 %7.2f ms | ratio p50 %.2f p99 %.2f (n=%d)%n",
                what, g50, g99, s50, s99, g50 / s50, g99 / s99, gardien.length);
    }

    private static double ms(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static int[] pick(Random random, int customers, int n) {
        var seen = new java.util.HashSet<Integer>();
        var picked = new int[n];
        for (int i = 0; i < n; ) {
            int c = 2 + 2 * random.nextInt(customers / 2 - 1); // even ids: they have a support ticket
            if (seen.add(c)) picked[i++] = c;
        }
        return picked;
    }

    static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void exec(String url, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }

    static List<String> list(String... s) {
        return new ArrayList<>(List.of(s));
    }
}
