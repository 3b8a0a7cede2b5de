package ca.gardien.consent;

import ca.gardien.support.PostgresTest;

/** The expiry sweep on PostgreSQL, where two nodes' claims of the same grant really race. */
@PostgresTest
class ConsentExpiryPostgresTest extends ConsentExpiryTest {}
