package ca.gardien.opencompliance;

import ca.gardien.support.PostgresTest;
import org.springframework.test.context.TestPropertySource;

/** The same OpenCompliance tests on PostgreSQL (callback claims and idempotent inserts included). */
@PostgresTest
// a small pool: the suite keeps this context (and its connections) open while PostgreSQL is shared
@TestPropertySource(properties = "spring.datasource.hikari.maximum-pool-size=4")
class OpenComplianceApiPostgresTest extends OpenComplianceApiTest {}
