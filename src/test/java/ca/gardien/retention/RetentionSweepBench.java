package ca.gardien.retention;

import ca.gardien.GardienApplication;
import ca.gardien.connectors.ConnectorCatalog;
import ca.gardien.connectors.ConnectorRegistration;
import ca.gardien.inventory.Inventory;
import ca.gardien.shared.Actor;
import java.nio.file.Files;
import java.sql.DriverManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicBoolean;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Retention sweep benchmark (bench/retention/README.md), against baselines measured in the same run on copies of the
 * same generated PostgreSQL shop: (1) rows per second of a Gardien real run (dry run approved first) against one
 * transaction of raw set-based statements destroying the same rows; (2) the p99 latency of an OLTP load on the swept
 * tables while a sweep runs, against the same load with no sweep.
 */
public final class RetentionSweepBench {

    private RetentionSweepBench() {}

    public static void main(String[] args) throws Exception {
        int orders = Integer.parseInt(env("BENCH_ORDERS", "100000"));
        int oltpThreads = Integer.parseInt(env("BENCH_OLTP_THREADS", "4"));
        var base = env(
                "GARDIEN_BENCH_POSTGRES_URL",
                env("GARDIEN_TEST_POSTGRES_URL", "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
        var tag = UUID.randomUUID().toString().replace("-", "").substring(0, 10);
        var schemas = List.of("ret_a_" + tag, "ret_b_" + tag, "ret_c_" + tag, "ret_w_" + tag);
        int warmUp = Integer.parseInt(env("BENCH_WARMUP_ORDERS", "40000"));
        var data = Files.createTempDirectory("gardien-bench");
        ConfigurableApplicationContext context = null;
        try {
            for (var s : schemas.subList(0, 3)) generate(base, s, orders);
            generate(base, schemas.get(3), warmUp);
            System.out.printf(
                    "generated 3 copies of %,d orders (half expired), two items each, notes on a third; %,d to warm up%n",
                    orders, warmUp);
            context = SpringApplication.run(
                    GardienApplication.class,
                    "--spring.config.location=classpath:/application.yml",
                    "--gardien.data-dir=" + data,
                    "--spring.datasource.url=jdbc:h2:mem:bench;DB_CLOSE_DELAY=-1",
                    "--gardien.demo.enabled=false",
                    "--gardien.retention.scheduled=false",
                    "--server.port=0",
                    "--spring.main.banner-mode=off",
                    "--logging.level.root=WARN");
            var catalog = context.getBean(ConnectorCatalog.class);
            var yaml = new StringBuilder();
            for (var s : schemas) {
                var id = s.replace('_', '-');
                catalog.register(new ConnectorRegistration(id, "jdbc", url(base, s), null, null, null), Actor.SYSTEM);
            }
            var runs = context.getBean(RetentionRuns.class);
            var inventory = context.getBean(Inventory.class);

            // 0. the sweep's code compiled before anything is measured (the raw side is all in PostgreSQL): a whole
            // sweep of a smaller copy, as a node that has swept before would be
            inventory.apply(annotations(schemas.get(3)), Actor.SYSTEM);
            sweep(runs, warmUp);

            // 1. throughput: Gardien on copy A, raw statements on copy B, no other load
            inventory.apply(annotations(schemas.get(0)), Actor.SYSTEM);
            double gardien = sweep(runs, orders);
            double raw = raw(url(base, schemas.get(1)));
            System.out.printf(
                    "sweep   Gardien %,.0f rows/s | raw set-based DELETE/UPDATE %,.0f rows/s | ratio %.2f (target >= 0.70)%n",
                    gardien, raw, gardien / raw);

            // 2. OLTP p99 on copy C: the same load alone, then during a sweep
            inventory.apply(annotations(schemas.get(2)), Actor.SYSTEM);
            var c = url(base, schemas.get(2));
            long[] alone = oltp(c, orders, oltpThreads, null, 10_000);
            long[] during = oltp(c, orders, oltpThreads, runs, 0);
            double p99alone = p(alone, 0.99), p99during = p(during, 0.99);
            System.out.printf(
                    "oltp    p99 during sweep %.2f ms (n=%d) | alone %.2f ms (n=%d) | ratio %.2f (target <= 1.20);"
                            + " p50 %.2f vs %.2f ms%n",
                    p99during,
                    during.length,
                    p99alone,
                    alone.length,
                    p99during / p99alone,
                    p(during, 0.5),
                    p(alone, 0.5));
        } finally {
            if (context != null) context.close();
            for (var s : schemas) exec(base, "DROP SCHEMA IF EXISTS " + s + " CASCADE");
        }
    }

    /** A dry run, its approval and the real run of {@code orders}; the real run's destroyed and unlinked rows per s. */
    private static double sweep(RetentionRuns runs, int orders) throws Exception {
        var dry = await(runs, runs.start("orders", true, Actor.SYSTEM).id());
        runs.approve(dry.id(), Actor.SYSTEM);
        long t0 = System.nanoTime();
        var real = await(runs, runs.start("orders", false, Actor.SYSTEM).id());
        double seconds = (System.nanoTime() - t0) / 1e9;
        long rows = real.counts().tables().stream()
                .mapToLong(t -> t.destroyed().values().stream()
                                .mapToLong(Long::longValue)
                                .sum()
                        + t.unlinked().values().stream()
                                .mapToLong(Long::longValue)
                                .sum())
                .sum();
        if (real.counts().swept() != orders / 2)
            throw new IllegalStateException("swept " + real.counts().swept());
        return rows / seconds;
    }

    private static RetentionRun await(RetentionRuns runs, UUID id) throws InterruptedException {
        while (true) {
            var run = runs.get(id);
            if (run.finished()) {
                if (run.status() != RetentionRun.Status.COMPLETED) throw new IllegalStateException(run.failure());
                return run;
            }
            Thread.sleep(50);
        }
    }

    /** The same rows destroyed by three set-based statements in one transaction. */
    private static double raw(String url) throws Exception {
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            c.setAutoCommit(false);
            long t0 = System.nanoTime();
            var expired = "SELECT id FROM orders WHERE closed_at < now() - interval '6 years'";
            long rows = s.executeUpdate("UPDATE invoice_note SET order_id = NULL WHERE order_id IN (" + expired + ")");
            rows += s.executeUpdate("DELETE FROM order_item WHERE order_id IN (" + expired + ")");
            rows += s.executeUpdate("DELETE FROM orders WHERE closed_at < now() - interval '6 years'");
            c.commit();
            return rows / ((System.nanoTime() - t0) / 1e9);
        }
    }

    /**
     * Latencies (ns) of small transactions on the swept tables — read an order with its items, touch an unexpired
     * order — by {@code threads} threads, after a 2 s warm-up, for {@code millis} or, with {@code runs}, for as long as
     * a sweep runs.
     */
    private static long[] oltp(String url, int orders, int threads, RetentionRuns runs, long millis) throws Exception {
        var going = new AtomicBoolean(true);
        var measureFrom = new java.util.concurrent.atomic.AtomicLong(Long.MAX_VALUE);
        var samples = new java.util.concurrent.ConcurrentLinkedQueue<long[]>();
        var workers = new ArrayList<Thread>();
        for (int t = 0; t < threads; t++) {
            workers.add(Thread.ofPlatform().start(() -> {
                var mine = new long[4_000_000];
                int n = 0;
                try (var c = DriverManager.getConnection(url);
                        var read = c.prepareStatement("SELECT o.total, i.sku FROM orders o JOIN order_item i"
                                + " ON i.order_id = o.id WHERE o.id = ?");
                        var write = c.prepareStatement("UPDATE orders SET total = total + 1 WHERE id = ?")) {
                    var random = ThreadLocalRandom.current();
                    while (going.get() && n < mine.length) {
                        long t0 = System.nanoTime();
                        read.setInt(1, 1 + random.nextInt(orders));
                        try (var rs = read.executeQuery()) {
                            while (rs.next()) rs.getString(2);
                        }
                        write.setInt(1, 1 + 2 * random.nextInt(orders / 2)); // odd ids: never expired
                        write.executeUpdate();
                        if (t0 >= measureFrom.get()) mine[n++] = System.nanoTime() - t0;
                    }
                } catch (Exception e) {
                    throw new IllegalStateException(e);
                }
                samples.add(Arrays.copyOf(mine, n));
            }));
        }
        Thread.sleep(2_000); // the load's own warm-up: JIT, connections, plans
        long from = System.nanoTime();
        measureFrom.set(from);
        if (runs == null) {
            Thread.sleep(millis);
        } else {
            sweep(runs, orders);
        }
        going.set(false);
        for (var w : workers) w.join();
        System.out.printf(
                "oltp    window %.1f s%s%n", (System.nanoTime() - from) / 1e9, runs == null ? "" : " (sweep)");
        var sorted = samples.stream().flatMapToLong(Arrays::stream).toArray();
        Arrays.sort(sorted);
        return sorted;
    }

    private static double p(long[] sorted, double q) {
        return sorted[Math.min(sorted.length - 1, (int) Math.ceil(q * sorted.length) - 1)] / 1e6;
    }

    private static String annotations(String schema) {
        return RetentionShop.ANNOTATIONS
                .formatted(schema.replace('_', '-'))
                .replace("legalSource: \"Loi sur l'administration fiscale, art. 35\"", "legalSource: \"Tax law\"");
    }

    private static void generate(String base, String schema, int orders) throws Exception {
        exec(base, "CREATE SCHEMA " + schema);
        try (var c = DriverManager.getConnection(url(base, schema));
                var s = c.createStatement()) {
            new RetentionShop(url(base, schema)).createTables(s);
            s.execute("INSERT INTO customer SELECT n, 'c' || n || '@example.test', 'Person ' || n,"
                    + " now() - interval '30 days', NULL FROM generate_series(1, 10000) n");
            s.execute("INSERT INTO orders SELECT n, n % 10000 + 1, CASE WHEN n % 2 = 0 THEN now() - interval '7 years'"
                    + " ELSE now() - interval '1 year' END, n * 10 FROM generate_series(1, " + orders + ") n");
            s.execute("INSERT INTO order_item SELECT n, l, 'SKU-' || n || '-' || l FROM generate_series(1, " + orders
                    + ") n, generate_series(1, 2) l");
            s.execute(
                    "INSERT INTO invoice_note SELECT n, n, 'note ' || n FROM generate_series(3, " + orders + ", 3) n");
            s.execute("CREATE INDEX ON invoice_note (order_id)");
            s.execute("ANALYZE");
        }
    }

    private static String url(String base, String schema) {
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    static String env(String name, String fallback) {
        var value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    static void exec(String url, String sql) throws Exception {
        try (var c = DriverManager.getConnection(url);
                var s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
