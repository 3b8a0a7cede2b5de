package ca.gardien.ledger;

import ca.gardien.support.PostgresTest;

/** The same checks on an export read from PostgreSQL, whose timestamps and CHAR columns round-trip differently. */
@PostgresTest
class LedgerFormatScriptPostgresTest extends LedgerFormatScriptTest {}
