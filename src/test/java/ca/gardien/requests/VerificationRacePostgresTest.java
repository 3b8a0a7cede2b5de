package ca.gardien.requests;

import ca.gardien.support.PostgresTest;

/** The code limits under real parallelism on PostgreSQL (row locks and re-checked conditions in READ COMMITTED). */
@PostgresTest
class VerificationRacePostgresTest extends VerificationRaceTest {}
