-- Module inventory: the objects of the data map (canonical JSON under a stable id) and the history of applied documents.
CREATE TABLE inventory_item
(
  kind VARCHAR(40)      NOT NULL,
  id   VARCHAR(100)     NOT NULL,
  body VARCHAR(1000000) NOT NULL,
  CONSTRAINT inventory_item_pk PRIMARY KEY (kind, id)
);

CREATE TABLE inventory_revision
(
  revision   BIGINT                   NOT NULL PRIMARY KEY,
  applied_at TIMESTAMP WITH TIME ZONE NOT NULL,
  sha256     CHAR(64)                 NOT NULL,
  actor_kind VARCHAR(20)              NOT NULL,
  actor_id   VARCHAR(200)             NOT NULL,
  added      INT                      NOT NULL,
  changed    INT                      NOT NULL,
  removed    INT                      NOT NULL
);
