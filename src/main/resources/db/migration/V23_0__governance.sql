-- Module governance (P-39.1 ss. 3.1, 3.2, 8.2): the policy documents, their versions in French and English, and the
-- written record of who acts as person in charge. No personal information beyond business contact details.
CREATE TABLE governance_policy
(
  id         VARCHAR(60)              NOT NULL PRIMARY KEY,
  title_fr   VARCHAR(200)             NOT NULL,
  title_en   VARCHAR(200)             NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);

-- One version of a policy: its sections (JSON: headings, templates with variables, and the text frozen at review),
-- the digest of that text, and the dates of each step.
CREATE TABLE governance_policy_version
(
  policy_id      VARCHAR(60)              NOT NULL REFERENCES governance_policy (id),
  version_number INT                      NOT NULL,
  status         VARCHAR(20)              NOT NULL,
  sections       VARCHAR(1000000)         NOT NULL,
  sha256         CHAR(64),
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  reviewed_at    TIMESTAMP WITH TIME ZONE,
  approved_at    TIMESTAMP WITH TIME ZONE,
  approved_by    VARCHAR(200),
  published_at   TIMESTAMP WITH TIME ZONE,
  row_version    INT                      NOT NULL,
  PRIMARY KEY (policy_id, version_number)
);

-- The person in charge's record (s. 3.1): delegations in writing, the substitute for absence or inability to act,
-- and the recorded absences. Rows are never changed: a later row supersedes an earlier one.
CREATE TABLE governance_officer_record
(
  id              UUID                     NOT NULL PRIMARY KEY,
  kind            VARCHAR(20)              NOT NULL,
  account_id      UUID,
  name            VARCHAR(200),
  title           VARCHAR(200),
  email           VARCHAR(254),
  scope           VARCHAR(20),
  part            VARCHAR(2000),
  starts_on       DATE                     NOT NULL,
  ends_on         DATE,
  document_sha256 CHAR(64),
  recorded_at     TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX governance_officer_record_kind ON governance_officer_record (kind, recorded_at);
