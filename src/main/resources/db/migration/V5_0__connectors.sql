-- Module connectors: registered connectors (secrets sealed with AES-GCM), runs with their checkpoints, and the keys
-- of the rows a run acts on (kept only until the run ends).
CREATE TABLE connectors_connector
(
  id         VARCHAR(100)             NOT NULL PRIMARY KEY,
  type       VARCHAR(40)              NOT NULL,
  url        VARCHAR(2000),
  username   VARCHAR(200),
  secret     VARCHAR(4000),
  created_at TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE connectors_run
(
  id              VARCHAR(36)              NOT NULL PRIMARY KEY,
  connector_id    VARCHAR(100)             NOT NULL,
  action          VARCHAR(20)              NOT NULL,
  status          VARCHAR(20)              NOT NULL,
  request         VARCHAR(100000),
  steps           VARCHAR(1000000),
  step_index      INT                      NOT NULL,
  step_cursor     BIGINT                   NOT NULL,
  counts          VARCHAR(100000),
  failure         VARCHAR(1000),
  attempts        INT                      NOT NULL,
  next_attempt_at TIMESTAMP WITH TIME ZONE,
  lease_until     TIMESTAMP WITH TIME ZONE,
  package_sha256  CHAR(64),
  actor_kind      VARCHAR(20)              NOT NULL,
  actor_id        VARCHAR(200)             NOT NULL,
  created_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  updated_at      TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX connectors_run_status ON connectors_run (status);

CREATE TABLE connectors_run_key
(
  run_id  VARCHAR(36)   NOT NULL,
  step    INT           NOT NULL,
  seq     BIGINT        NOT NULL,
  row_key VARCHAR(4000) NOT NULL,
  CONSTRAINT connectors_run_key_pk PRIMARY KEY (run_id, step, seq)
);
