-- Module requests: rights requests, the identifiers they match on, tasks, responses and one-time download links.
CREATE TABLE requests_request
(
  id               UUID                     NOT NULL PRIMARY KEY,
  type             VARCHAR(40)              NOT NULL,
  status           VARCHAR(30)              NOT NULL,
  jurisdiction     VARCHAR(20)              NOT NULL,
  channel          VARCHAR(10)              NOT NULL,
  language         VARCHAR(2)               NOT NULL,
  subject_category VARCHAR(100),
  details          VARCHAR(4000),
  representative   VARCHAR(20),
  -- NOT_REQUIRED, PENDING, APPROVED or REJECTED: a staff review of the proof when sensitive information is in scope
  staff_review     VARCHAR(20)              NOT NULL,
  received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  due_on           DATE                     NOT NULL,
  extended_due_on  DATE,
  duplicate_of     UUID,
  updated_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  version          INT                      NOT NULL
);
CREATE INDEX requests_request_status ON requests_request (status, due_on);

-- Every identifier the request matches on. The value is kept only to reach the person and to search the systems;
-- look-ups use the keyed digest. Codes are kept as keyed digests too.
CREATE TABLE requests_identifier
(
  request_id      UUID                     NOT NULL REFERENCES requests_request (id),
  kind            VARCHAR(20)              NOT NULL,
  identifier      VARCHAR(320)             NOT NULL,
  digest          CHAR(64)                 NOT NULL,
  verified_at     TIMESTAMP WITH TIME ZONE,
  verified_by     VARCHAR(20),
  code_digest     CHAR(64),
  code_expires_at TIMESTAMP WITH TIME ZONE,
  failed_attempts INT                      NOT NULL,
  locked_until    TIMESTAMP WITH TIME ZONE,
  codes_since     TIMESTAMP WITH TIME ZONE,
  codes_sent      INT                      NOT NULL,
  PRIMARY KEY (request_id, kind)
);
CREATE INDEX requests_identifier_digest ON requests_identifier (kind, digest);

CREATE TABLE requests_task
(
  id           UUID                     NOT NULL PRIMARY KEY,
  request_id   UUID                     NOT NULL REFERENCES requests_request (id),
  system_id    VARCHAR(100)             NOT NULL,
  status       VARCHAR(20)              NOT NULL,
  assignee     UUID,
  due_on       DATE                     NOT NULL,
  opened_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  completed_at TIMESTAMP WITH TIME ZONE,
  outcome      VARCHAR(20),
  note         VARCHAR(4000),
  -- what was found, as JSON, for the access package; destroyed with the request
  records      VARCHAR(1000000),
  UNIQUE (request_id, system_id)
);

CREATE TABLE requests_reminder
(
  task_id   UUID                     NOT NULL REFERENCES requests_task (id),
  days_left INT                      NOT NULL,
  sent_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (task_id, days_left)
);

CREATE TABLE requests_response
(
  request_id       UUID                     NOT NULL PRIMARY KEY REFERENCES requests_request (id),
  outcome          VARCHAR(20)              NOT NULL,
  message          VARCHAR(20000),
  reasons          VARCHAR(20000),
  legal_provisions VARCHAR(4000),
  remedy           VARCHAR(4000),
  remedy_days      INT,
  drafted_at       TIMESTAMP WITH TIME ZONE NOT NULL,
  drafted_by       VARCHAR(200)             NOT NULL,
  approved_at      TIMESTAMP WITH TIME ZONE,
  approved_by      VARCHAR(200)
);

CREATE TABLE requests_download
(
  token_digest  CHAR(64)                 NOT NULL PRIMARY KEY,
  request_id    UUID                     NOT NULL REFERENCES requests_request (id),
  expires_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  downloaded_at TIMESTAMP WITH TIME ZONE
);
