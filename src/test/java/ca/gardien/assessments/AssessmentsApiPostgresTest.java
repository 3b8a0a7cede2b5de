package ca.gardien.assessments;

import ca.gardien.support.PostgresTest;

/** The same triggers, pre-fill, approval, new version and rejection on PostgreSQL. */
@PostgresTest
class AssessmentsApiPostgresTest extends AssessmentsApiTest {}
