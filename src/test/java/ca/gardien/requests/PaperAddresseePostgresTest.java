package ca.gardien.requests;

import ca.gardien.support.PostgresTest;

/**
 * The same on PostgreSQL: the name and address sealed, the letter without identifier entered, found in the queue by
 * its name and purged.
 */
@PostgresTest
class PaperAddresseePostgresTest extends PaperAddresseeTest {}
