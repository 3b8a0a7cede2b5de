package ca.gardien.consent;

import ca.gardien.support.PostgresTest;

/** The group commit on PostgreSQL: row-value look-ups, ordered row locks and batched inserts with their keys. */
@PostgresTest
class ConsentWriterPostgresTest extends ConsentWriterTest {}
