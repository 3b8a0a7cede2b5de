package ca.gardien.connectors;

import ca.gardien.support.PostgresTest;

/**
 * The acceptance scenario with Gardien's own database on PostgreSQL: run actions and states are bound as parameters
 * there too (claims, checkpoints, dispatches and outcomes).
 */
@PostgresTest
class CrmOnPostgresGardienTest extends CrmH2Test {}
