package ca.gardien.ledger;

import ca.gardien.support.PostgresTest;

/** On PostgreSQL a refused batch aborts its transaction: the second attempt must run in a new one. */
@PostgresTest
class LedgerWriterIdempotencePostgresTest extends LedgerWriterIdempotenceTest {}
