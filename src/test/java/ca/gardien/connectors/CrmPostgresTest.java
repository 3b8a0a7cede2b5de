package ca.gardien.connectors;

import ca.gardien.support.PostgresCondition;
import ca.gardien.support.PostgresSchema;
import java.util.UUID;
import org.junit.jupiter.api.extension.ExtendWith;

/** The acceptance scenario on the real PostgreSQL, in a fresh schema per test (Gardien itself stays on H2). */
@ExtendWith(PostgresCondition.class)
class CrmPostgresTest extends CrmAcceptance {

    private String schema;

    @Override
    CrmDatabase freshDatabase() {
        schema = "crm_" + UUID.randomUUID().toString().replace("-", "").substring(0, 16);
        var base = PostgresCondition.url();
        PostgresSchema.execute(base, "CREATE SCHEMA " + schema);
        var url = base + (base.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return new CrmDatabase(url, null, null);
    }

    @Override
    void dropDatabase() {
        PostgresSchema.execute(PostgresCondition.url(), "DROP SCHEMA IF EXISTS " + schema + " CASCADE");
    }
}
