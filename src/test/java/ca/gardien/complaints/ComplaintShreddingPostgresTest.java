package ca.gardien.complaints;

import ca.gardien.support.DatabaseDumps;
import ca.gardien.support.PostgresTest;
import org.springframework.beans.factory.annotation.Value;

/** The same crypto-shredding test on PostgreSQL, the dump a real {@code pg_dump} of the test's schema. */
@PostgresTest
class ComplaintShreddingPostgresTest extends ComplaintShreddingTest {

    @Value("${spring.flyway.schemas}")
    String schema;

    @Override
    protected String databaseDump() {
        var dump = DatabaseDumps.pgDump(schema);
        return dump == null ? super.databaseDump() : dump;
    }
}
