package ca.gardien.opencompliance;

import ca.gardien.support.PostgresTest;

/** The same OpenCompliance tests on PostgreSQL (callback claims and idempotent inserts included). */
@PostgresTest
class OpenComplianceApiPostgresTest extends OpenComplianceApiTest {}
