package ca.gardien.support;

import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.event.ContextClosedEvent;
import org.springframework.core.env.MapPropertySource;

/** Points the context at a new PostgreSQL schema that Flyway migrates from scratch, and drops it afterwards. */
public class PostgresSchema implements ApplicationContextInitializer<ConfigurableApplicationContext> {

    @Override
    public void initialize(ConfigurableApplicationContext context) {
        var base = PostgresCondition.url();
        if (base == null || base.isBlank()) {
            return; // the condition skips or fails the test class
        }
        var schema = "gardien_test_" + UUID.randomUUID().toString().replace("-", "");
        execute(base, "CREATE SCHEMA " + schema);
        var url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        var user = java.util.regex.Pattern.compile("[?&]user=([^&]+)").matcher(base);
        context.getEnvironment()
                .getPropertySources()
                .addFirst(new MapPropertySource(
                        "postgres-test",
                        Map.of(
                                "spring.datasource.url",
                                url,
                                "spring.datasource.username",
                                user.find() ? user.group(1) : "postgres",
                                "spring.datasource.password",
                                "",
                                "spring.flyway.schemas",
                                schema)));
        context.addApplicationListener(event -> {
            if (event instanceof ContextClosedEvent) {
                execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            }
        });
    }

    public static void execute(String url, String sql) {
        try (var connection = DriverManager.getConnection(url);
                var statement = connection.createStatement()) {
            statement.execute(sql);
        } catch (SQLException e) {
            throw new IllegalStateException("PostgreSQL test setup failed: " + e.getSQLState(), e);
        }
    }

    /** A schema of the test database made for one test: its name and a JDBC URL with it as the current schema. */
    public record Fresh(String name, String url) {

        /** Drops the schema and everything in it. */
        public void drop() {
            execute(PostgresCondition.url(), "DROP SCHEMA IF EXISTS " + name + " CASCADE");
        }
    }

    /** Creates a schema named {@code prefix} plus a random suffix in the test database. */
    public static Fresh fresh(String prefix) {
        var name = prefix + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var base = PostgresCondition.url();
        execute(base, "CREATE SCHEMA " + name);
        return new Fresh(name, base + (base.contains("?") ? "&" : "?") + "currentSchema=" + name);
    }
}
