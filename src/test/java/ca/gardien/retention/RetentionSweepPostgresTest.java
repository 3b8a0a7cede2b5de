package ca.gardien.retention;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import org.junit.jupiter.api.extension.ExtendWith;

/** The retention sweeps on a real PostgreSQL (SKIP LOCKED), in a fresh schema per test (Gardien stays on H2). */
@ExtendWith(PostgresCondition.class)
class RetentionSweepPostgresTest extends RetentionSweepAcceptance {

    private PostgresSchema.Fresh fresh;
    private String schema;

    @Override
    String freshDatabase() {
        fresh = PostgresSchema.fresh("shop_");
        schema = fresh.name();
        return fresh.url();
    }

    @Override
    void dropDatabase() {
        fresh.drop();
    }
}
