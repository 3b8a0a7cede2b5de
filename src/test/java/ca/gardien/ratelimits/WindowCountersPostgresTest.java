package ca.gardien.ratelimits;

import ca.gardien.support.PostgresTest;

/** The abuse-limit counters on PostgreSQL: the same statements, exact under parallel use across two nodes. */
@PostgresTest
class WindowCountersPostgresTest extends WindowCountersTest {}
