package ca.gardien.inventory;

import ca.gardien.support.PostgresTest;

/** The same export, plan and apply behaviour on PostgreSQL. */
@PostgresTest
class DataMapAsCodePostgresTest extends DataMapAsCodeTest {}
