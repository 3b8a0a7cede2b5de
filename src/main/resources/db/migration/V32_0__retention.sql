-- Module retention (issue 17): sweeps of the organization's databases under the data map's retention rules.
-- A run sweeps every table kept under one rule; a dry run counts and changes nothing. The run row is its checkpoint:
-- the table it is on and the last key swept, plus the batch whose target transaction may or may not have committed
-- when a node stopped (pending, with its keys), so that a resumed sweep counts every row exactly once. Leases fence
-- every write by owner and generation, as connector runs do.
CREATE TABLE retention_run
(
  id               UUID                     NOT NULL PRIMARY KEY,
  rule_id          VARCHAR(100)             NOT NULL,
  scope_sha256     VARCHAR(64)              NOT NULL,
  dry_run          BOOLEAN                  NOT NULL,
  status           VARCHAR(20)              NOT NULL,
  cutoff           TIMESTAMP WITH TIME ZONE NOT NULL,
  requested_by     VARCHAR(200)             NOT NULL,
  requested_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  finished_at      TIMESTAMP WITH TIME ZONE,
  estimated        BIGINT                   NOT NULL,
  counts           VARCHAR(100000)          NOT NULL,
  table_index      INTEGER                  NOT NULL,
  last_key         VARCHAR(10000),
  pending          VARCHAR(1000000),
  failure          VARCHAR(2000),
  summary_sha256   VARCHAR(64),
  approved_by      VARCHAR(200),
  approved_at      TIMESTAMP WITH TIME ZONE,
  lease_owner      VARCHAR(100),
  lease_generation BIGINT                   NOT NULL,
  lease_until      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX retention_run_rule ON retention_run (rule_id, requested_at);
CREATE INDEX retention_run_status ON retention_run (status, lease_until);

-- One row per rule once it has been scheduled or approved: the dry run the officer approved (its total is the
-- baseline a later dry run is compared with, its scope — the rule's duration, disposal and tables — the one the
-- approval covers: a rule whose tables or duration change needs a new approval) and the next period a scheduled sweep is due; a node claims a period by
-- moving next_due forward from the value it read, so each period's sweep starts once across nodes.
CREATE TABLE retention_schedule
(
  rule_id        VARCHAR(100)             NOT NULL PRIMARY KEY,
  approved_run   UUID,
  approved_total BIGINT,
  approved_scope VARCHAR(64),
  next_due       TIMESTAMP WITH TIME ZONE NOT NULL
);

-- Legal holds: rows of a connector (or one of its tables), or of one person (an identifier, sealed; its keyed digest
-- finds duplicates), tied if need be to an incident or a complaint. Held rows are skipped and counted as held.
CREATE TABLE retention_hold
(
  id             UUID                     NOT NULL PRIMARY KEY,
  connector      VARCHAR(100),
  table_name     VARCHAR(128),
  subject_kind   VARCHAR(40),
  subject_sealed VARCHAR(1000),
  incident_id    UUID,
  complaint_id   UUID,
  reason         VARCHAR(2000)            NOT NULL,
  ends_on        DATE,
  created_by     VARCHAR(200)             NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  released_by    VARCHAR(200),
  released_at    TIMESTAMP WITH TIME ZONE
);
