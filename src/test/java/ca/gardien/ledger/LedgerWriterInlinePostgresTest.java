package ca.gardien.ledger;

import ca.gardien.support.PostgresTest;

/** On PostgreSQL appends without a checkpoint are one statement that commits on its own. */
@PostgresTest
class LedgerWriterInlinePostgresTest extends LedgerWriterInlineTest {}
