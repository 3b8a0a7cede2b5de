package ca.gardien.connectors;

import org.springframework.test.context.TestPropertySource;

/**
 * The acceptance scenario again with the production batch size: each person is held whole, walked and changed in one
 * target transaction that commits once the collection is recorded (the tests' batch size of 2 spills the keys to
 * Gardien's database and splits the work into many transactions instead).
 */
@TestPropertySource(properties = "gardien.connectors.batch-size=500")
class CrmMariaDbOneBatchTest extends CrmMariaDbTest {}
