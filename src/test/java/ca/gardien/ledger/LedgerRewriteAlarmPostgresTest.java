package ca.gardien.ledger;

import ca.gardien.support.PostgresTest;

/** The same rewrites on PostgreSQL, by a superuser who switched the append-only triggers off. */
@PostgresTest
class LedgerRewriteAlarmPostgresTest extends LedgerRewriteAlarmTest {}
