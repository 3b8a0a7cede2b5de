package ca.gardien.consent;

import ca.gardien.support.PostgresTest;

/**
 * The keeping sweep on PostgreSQL, where two sweeps' claims and subject locks really race (row locks, re-checked
 * conditions on delete) and a record's self-referencing conditions run on another planner.
 */
@PostgresTest
class ConsentRetentionPostgresTest extends ConsentRetentionTest {}
