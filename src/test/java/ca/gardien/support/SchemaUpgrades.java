package ca.gardien.support;

import java.util.UUID;
import java.util.function.BiConsumer;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.FluentConfiguration;

/** An installation's schema migrated step by step, as an upgrade test migrates it: H2 in memory or a PostgreSQL schema. */
public final class SchemaUpgrades {

    private SchemaUpgrades() {}

    /** Gardien's migrations for a vendor ({@code h2}, {@code postgresql}), in {@code schema} when not null. */
    public static FluentConfiguration flyway(String url, String user, String vendor, String schema) {
        var config = Flyway.configure()
                .dataSource(url, user, "")
                .locations("classpath:db/migration", "classpath:db/vendor/" + vendor);
        if (schema != null) {
            config.schemas(schema);
        }
        return config;
    }

    /** Hands {@code upgrade} the URL and name of a fresh PostgreSQL schema, dropped afterwards. */
    public static void inFreshPostgresSchema(String prefix, BiConsumer<String, String> upgrade) {
        var base = PostgresCondition.url();
        var schema = prefix + UUID.randomUUID().toString().replace("-", "");
        PostgresSchema.execute(base, "CREATE SCHEMA " + schema);
        try {
            upgrade.accept(base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema, schema);
        } finally {
            PostgresSchema.execute(base, "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
        }
    }
}
