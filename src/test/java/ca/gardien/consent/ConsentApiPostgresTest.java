package ca.gardien.consent;

import ca.gardien.support.PostgresTest;

/** The same consent API on PostgreSQL. */
@PostgresTest
class ConsentApiPostgresTest extends ConsentApiTest {}
