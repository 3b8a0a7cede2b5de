-- Module opencompliance: requests submitted through OpenCompliance v1.0 (the rights request itself is the requests
-- module's) and the status callbacks owed to the controller.
CREATE TABLE opencompliance_request
(
  subject_request_id       UUID                     NOT NULL PRIMARY KEY,
  request_id               UUID                     NOT NULL UNIQUE,
  controller_id            VARCHAR(100)             NOT NULL,
  regulation               VARCHAR(20)              NOT NULL,
  api_version              VARCHAR(20)              NOT NULL,
  submitted_time           TIMESTAMP WITH TIME ZONE NOT NULL,
  received_time            TIMESTAMP WITH TIME ZONE NOT NULL,
  expected_completion_time TIMESTAMP WITH TIME ZONE NOT NULL,
  -- newline-separated status_callback_urls
  callback_urls            VARCHAR(10050)
);

-- One row per callback owed (one URL, one status). Nodes claim a row with a conditional update before sending it.
CREATE TABLE opencompliance_callback
(
  id                 UUID                     NOT NULL PRIMARY KEY,
  subject_request_id UUID                     NOT NULL REFERENCES opencompliance_request (subject_request_id),
  url                VARCHAR(2000)            NOT NULL,
  request_status     VARCHAR(20)              NOT NULL,
  body               VARCHAR(4000)            NOT NULL,
  attempts           INT                      NOT NULL,
  next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until      TIMESTAMP WITH TIME ZONE,
  delivered_at       TIMESTAMP WITH TIME ZONE,
  abandoned_at       TIMESTAMP WITH TIME ZONE,
  last_error         VARCHAR(200)
);
CREATE INDEX opencompliance_callback_due ON opencompliance_callback (next_attempt_at);
