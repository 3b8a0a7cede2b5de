package ca.gardien.organization;

import ca.gardien.support.PostgresTest;

/** The ledger-facts flow (accounts, tokens, roles, profile) against a fresh PostgreSQL schema. */
@PostgresTest
class LedgerFactsPostgresTest extends LedgerFactsTest {}
