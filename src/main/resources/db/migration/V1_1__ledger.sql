-- Module ledger: the append-only, hash-chained evidence log.
-- The hash of each entry covers every column below except hash itself (see docs/ledger-format.md).
CREATE TABLE ledger_entry
(
  sequence     BIGINT                   NOT NULL PRIMARY KEY,
  event_id     UUID                     NOT NULL,
  recorded_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  occurred_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_kind   VARCHAR(16)              NOT NULL,
  actor_id     VARCHAR(200)             NOT NULL,
  action       VARCHAR(100)             NOT NULL,
  object_type  VARCHAR(100)             NOT NULL,
  object_id    VARCHAR(200)             NOT NULL,
  payload      VARCHAR(8000)            NOT NULL,
  prev_hash    CHAR(64)                 NOT NULL,
  hash         CHAR(64)                 NOT NULL,
  CONSTRAINT ledger_entry_event_id_uk UNIQUE (event_id)
);

CREATE INDEX ledger_entry_object_idx ON ledger_entry (object_type, object_id);

-- One row: the head of the chain. Writers lock it (SELECT ... FOR UPDATE) so that appends from any number of
-- Gardien nodes are serialized into one chain.
CREATE TABLE ledger_head
(
  id                  INT                      NOT NULL PRIMARY KEY,
  last_sequence       BIGINT                   NOT NULL,
  last_hash           CHAR(64)                 NOT NULL,
  checkpoint_sequence BIGINT                   NOT NULL,
  checkpoint_at       TIMESTAMP WITH TIME ZONE
);

INSERT INTO ledger_head (id, last_sequence, last_hash, checkpoint_sequence, checkpoint_at)
VALUES (1, 0, '0000000000000000000000000000000000000000000000000000000000000000', 0, NULL);

CREATE TABLE ledger_checkpoint
(
  sequence   BIGINT                   NOT NULL PRIMARY KEY,
  head_hash  CHAR(64)                 NOT NULL,
  signed_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  key_id     VARCHAR(64)              NOT NULL,
  public_key VARCHAR(1000)            NOT NULL,
  signature  VARCHAR(200)             NOT NULL
);
