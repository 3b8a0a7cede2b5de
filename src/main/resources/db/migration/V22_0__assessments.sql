-- Module assessments: privacy impact assessments (P-39.1 ss. 3.3, 3.4, 17). One row per version of an assessment; the
-- answers, risks and measures of each version. Free text is the organization's own description of its projects.
CREATE TABLE assessments_assessment
(
  id                 UUID                     NOT NULL PRIMARY KEY,
  title              VARCHAR(200)             NOT NULL,
  template_id        VARCHAR(60)              NOT NULL,
  template_version   INTEGER                  NOT NULL,
  -- the data-map item covered (transfers/<id>, systems/<id>, purposes/<id>); null when started by hand
  item               VARCHAR(220),
  gap_rule           VARCHAR(60),
  version            INTEGER                  NOT NULL,
  status             VARCHAR(20)              NOT NULL,
  superseded         BOOLEAN                  NOT NULL,
  assigned_to        UUID,
  consulted_on       DATE,
  consultation_note  VARCHAR(4000),
  consulted_by       VARCHAR(200),
  reviewed_at        TIMESTAMP WITH TIME ZONE,
  review_note        VARCHAR(4000),
  reviewed_by        VARCHAR(200),
  decided_at         TIMESTAMP WITH TIME ZONE,
  decision_reasons   VARCHAR(4000),
  decided_by         VARCHAR(200),
  document_sha256    VARCHAR(64),
  created_at         TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by         VARCHAR(200)             NOT NULL
);
CREATE INDEX assessments_assessment_item ON assessments_assessment (item, version);
CREATE INDEX assessments_assessment_status ON assessments_assessment (status);

CREATE TABLE assessments_answer
(
  assessment_id UUID          NOT NULL,
  question_id   VARCHAR(60)   NOT NULL,
  answer        VARCHAR(4000) NOT NULL,
  prefilled     BOOLEAN       NOT NULL,
  PRIMARY KEY (assessment_id, question_id)
);

CREATE TABLE assessments_risk
(
  id                  UUID          NOT NULL PRIMARY KEY,
  assessment_id       UUID          NOT NULL,
  seq                 INTEGER       NOT NULL,
  description         VARCHAR(2000) NOT NULL,
  likelihood          INTEGER       NOT NULL,
  severity            INTEGER       NOT NULL,
  residual_likelihood INTEGER       NOT NULL,
  residual_severity   INTEGER       NOT NULL
);
CREATE INDEX assessments_risk_assessment ON assessments_risk (assessment_id);

CREATE TABLE assessments_measure
(
  id            UUID          NOT NULL PRIMARY KEY,
  assessment_id UUID          NOT NULL,
  seq           INTEGER       NOT NULL,
  kind          VARCHAR(40)   NOT NULL,
  description   VARCHAR(2000) NOT NULL,
  owner         VARCHAR(200)  NOT NULL,
  due_on        DATE          NOT NULL,
  done_on       DATE,
  reminded_on   DATE
);
CREATE INDEX assessments_measure_assessment ON assessments_measure (assessment_id);
