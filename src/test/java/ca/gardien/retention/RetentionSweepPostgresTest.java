package ca.gardien.retention;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** The retention sweeps on a real PostgreSQL (SKIP LOCKED), in a fresh schema per test (Gardien stays on H2). */
@ExtendWith(PostgresCondition.class)
class RetentionSweepPostgresTest extends RetentionSweepAcceptance {

    private String schema;

    @Override
    String freshDatabase() {
        schema = "shop_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var base = PostgresCondition.url();
        PostgresSchema.execute(base, "CREATE SCHEMA " + schema);
        return base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    @Override
    void dropDatabase() {
        PostgresSchema.execute(PostgresCondition.url(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
