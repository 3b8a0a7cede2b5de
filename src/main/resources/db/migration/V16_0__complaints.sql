-- Module complaints (Law 25 s. 3.2: a process for dealing with complaints): one confidential file per complaint.
-- Rows hold personal information (the complainant's name, contact details and text) and are destroyed on the
-- retention schedule (gardien.complaints.retention), keeping the counts in complaints_count.
CREATE TABLE complaints_complaint
(
  id               UUID                     NOT NULL PRIMARY KEY,
  status           VARCHAR(30)              NOT NULL,
  channel          VARCHAR(20)              NOT NULL,
  language         VARCHAR(2)               NOT NULL,
  name             VARCHAR(200)             NOT NULL,
  email            VARCHAR(320),
  phone            VARCHAR(40)              NOT NULL,
  subject          VARCHAR(200)             NOT NULL,
  reasons          VARCHAR(10000)           NOT NULL,
  received_on      DATE                     NOT NULL,
  received_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  due_on           DATE,
  information_requested_on DATE,
  delay_due_on     DATE,
  assigned_to      UUID,
  request_id       UUID,
  concerns_refusal BOOLEAN                  NOT NULL,
  answered_on      DATE,
  ended_at         TIMESTAMP WITH TIME ZONE,
  version          INTEGER                  NOT NULL
);
CREATE INDEX complaints_complaint_due ON complaints_complaint (status, due_on);
CREATE INDEX complaints_complaint_request ON complaints_complaint (request_id);

-- The file's timeline: each step, its day and its words (a bundle key and arguments, never free text of the person).
CREATE TABLE complaints_step
(
  id           UUID                     NOT NULL PRIMARY KEY,
  complaint_id UUID                     NOT NULL REFERENCES complaints_complaint (id) ON DELETE CASCADE,
  step         VARCHAR(40)              NOT NULL,
  detail       VARCHAR(10000),
  actor        VARCHAR(200)             NOT NULL,
  at           TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX complaints_step_complaint ON complaints_step (complaint_id, at);

-- What is left of destroyed complaints: counts by year of receipt and outcome.
CREATE TABLE complaints_count
(
  received_year INTEGER     NOT NULL,
  outcome       VARCHAR(30) NOT NULL,
  destroyed     BIGINT      NOT NULL,
  PRIMARY KEY (received_year, outcome)
);
