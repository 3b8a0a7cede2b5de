-- Module ledger: RFC 3161 timestamp tokens of checkpoints (docs/ledger-format.md). A table of its own because the
-- token arrives after the checkpoint is committed and checkpoint rows are append-only.
CREATE TABLE ledger_checkpoint_timestamp
(
  sequence BIGINT         NOT NULL PRIMARY KEY,
  token    VARCHAR(16000) NOT NULL
);
