package ca.gardien.requests;

import ca.gardien.support.PostgresTest;

/** The intake API on PostgreSQL (duplicate look-ups, filters, documents as BYTEA). */
@PostgresTest
class RequestIntakeApiPostgresTest extends RequestIntakeApiTest {}
