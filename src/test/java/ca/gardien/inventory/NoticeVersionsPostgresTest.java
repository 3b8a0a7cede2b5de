package ca.gardien.inventory;

import ca.gardien.support.PostgresTest;

/** The same notice versions on PostgreSQL. */
@PostgresTest
class NoticeVersionsPostgresTest extends NoticeVersionsTest {}
