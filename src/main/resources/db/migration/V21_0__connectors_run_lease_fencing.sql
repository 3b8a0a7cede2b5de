-- Module connectors: who holds a run's lease and which generation of it. A claim takes the next generation; every write
-- for the run (renewal, collection, checkpoint, keys, outcome) names the owner and generation it holds and changes
-- nothing once another node has taken the run over.
ALTER TABLE connectors_run ADD COLUMN lease_owner VARCHAR(100);
ALTER TABLE connectors_run ADD COLUMN lease_generation BIGINT DEFAULT 0 NOT NULL;
