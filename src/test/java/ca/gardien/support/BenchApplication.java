package ca.gardien.support;

import ca.gardien.GardienApplication;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;
import java.util.regex.Pattern;
import org.springframework.boot.SpringApplication;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The start-up every benchmark on PostgreSQL shares: Gardien (the real Spring context, Flyway migrations) in a fresh
 * schema {@code <prefix>_<uuid>} with a throwaway data folder, both removed by {@link #close()}. The database is
 * {@code GARDIEN_BENCH_POSTGRES_URL}, else {@code GARDIEN_TEST_POSTGRES_URL}, else the local server.
 *
 * @param url the schema's JDBC address (for the baseline's own connections)
 */
public record BenchApplication(
        ConfigurableApplicationContext context, String base, String schema, String url, Path dataDir)
        implements AutoCloseable {

    /** The sign-in password of the bootstrap officer account. */
    public static final String PASSWORD = "bench-only-password";

    public static BenchApplication start(String prefix) throws Exception {
        return start(prefix, List.of());
    }

    /** With further {@code --name=value} settings (e.g. a benchmark's abuse limits). */
    public static BenchApplication start(String prefix, List<String> settings) throws Exception {
        var base = System.getenv()
                .getOrDefault(
                        "GARDIEN_BENCH_POSTGRES_URL",
                        System.getenv()
                                .getOrDefault(
                                        "GARDIEN_TEST_POSTGRES_URL",
                                        "jdbc:postgresql://127.0.0.1:5432/test?user=postgres"));
        var schema = prefix + "_" + UUID.randomUUID().toString().replace("-", "");
        var url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        execute(base, "CREATE SCHEMA " + schema);
        var dataDir = Files.createTempDirectory(prefix);
        var user = Pattern.compile("[?&]user=([^&]+)").matcher(url);
        var arguments = new java.util.ArrayList<>(List.of(
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=" + (user.find() ? user.group(1) : "postgres"),
                "--spring.datasource.password=",
                "--spring.flyway.schemas=" + schema,
                "--gardien.data-dir=" + dataDir,
                "--gardien.demo.enabled=false",
                "--gardien.organization.bootstrap-password=" + PASSWORD,
                "--server.port=0",
                "--spring.main.banner-mode=off",
                "--logging.level.root=WARN"));
        arguments.addAll(settings);
        var context = SpringApplication.run(GardienApplication.class, arguments.toArray(String[]::new));
        return new BenchApplication(context, base, schema, url, dataDir);
    }

    /** Stops Gardien, drops the schema and deletes the data folder (it holds a throwaway ledger signing key). */
    @Override
    public void close() throws Exception {
        try {
            context.close();
        } finally {
            execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            deleteTree(dataDir);
        }
    }

    /** Removes a benchmark's temporary directory. */
    public static void deleteTree(Path dir) throws IOException {
        try (var files = Files.walk(dir)) {
            for (var file : files.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(file);
            }
        }
    }

    public static void execute(String url, String sql) throws SQLException {
        try (var connection = DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        }
    }
}
