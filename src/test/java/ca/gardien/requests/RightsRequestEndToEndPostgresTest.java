package ca.gardien.requests;

import ca.gardien.support.PostgresTest;

/** The same acceptance test on PostgreSQL. */
@PostgresTest
class RightsRequestEndToEndPostgresTest extends RightsRequestEndToEndTest {}
