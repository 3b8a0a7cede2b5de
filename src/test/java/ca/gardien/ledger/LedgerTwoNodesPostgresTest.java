package ca.gardien.ledger;

import ca.gardien.support.PostgresTest;

/** On PostgreSQL the head compare-and-set and the insert are one statement. */
@PostgresTest
class LedgerTwoNodesPostgresTest extends LedgerTwoNodesTest {}
