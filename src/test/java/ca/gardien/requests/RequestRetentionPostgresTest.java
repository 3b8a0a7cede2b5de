package ca.gardien.requests;

import ca.gardien.support.DatabaseDumps;
import ca.gardien.support.PostgresTest;
import org.springframework.beans.factory.annotation.Value;

/**
 * The same retention test on PostgreSQL; the dump taken before the purge is a real {@code pg_dump} of the test's schema
 * (PostgreSQL's own client), or the tables' text when the machine has no {@code pg_dump}.
 */
@PostgresTest
class RequestRetentionPostgresTest extends RequestRetentionTest {

    @Value("${spring.flyway.schemas}")
    String schema;

    @Override
    protected String databaseDump() {
        var dump = DatabaseDumps.pgDump(schema);
        return dump == null ? super.databaseDump() : dump;
    }
}
