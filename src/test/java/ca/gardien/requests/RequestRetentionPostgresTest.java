package ca.gardien.requests;

import ca.gardien.support.PostgresTest;

/** The same retention test on PostgreSQL. */
@PostgresTest
class RequestRetentionPostgresTest extends RequestRetentionTest {}
