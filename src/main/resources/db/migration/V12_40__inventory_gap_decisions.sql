-- Module inventory: the officer's decision on each legal gap of the data map (status, owner, reason for an accepted risk).
CREATE TABLE inventory_gap_decision
(
  gap_id     VARCHAR(300)             NOT NULL PRIMARY KEY,
  status     VARCHAR(20)              NOT NULL,
  owner      VARCHAR(200),
  reason     VARCHAR(2000),
  decided_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_kind VARCHAR(20)              NOT NULL,
  actor_id   VARCHAR(200)             NOT NULL
);
