package ca.gardien.organization;

import ca.gardien.support.PostgresTest;

/** Single sign-on (accounts linked by issuer and subject, roles following the provider) on PostgreSQL. */
@PostgresTest
class SingleSignOnPostgresTest extends SingleSignOnTest {}
