-- Module retention: the register of anonymizations (Regulation respecting the anonymization of personal information).
-- One entry per rule whose disposal is anonymize: the purposes recorded before the process starts (s. 3), the person
-- qualified in the field who supervises it, the information concerned, the techniques and security measures, and the
-- re-identification risk analyses — each with its reasoning on the three criteria (individualization, correlation,
-- inference) and its conclusion. A real run of such a rule needs an entry recorded for the rule as it stands (its
-- scope: duration, tables, annotations) and an analysis recorded after it concluding the risk is very low.
CREATE TABLE retention_anonymization
(
  rule_id           VARCHAR(100)             NOT NULL PRIMARY KEY,
  scope_sha256      VARCHAR(64)              NOT NULL,
  information       VARCHAR(4000)            NOT NULL,
  purposes          VARCHAR(4000)            NOT NULL,
  supervisor        VARCHAR(200)             NOT NULL,
  techniques        VARCHAR(4000)            NOT NULL,
  security_measures VARCHAR(4000)            NOT NULL,
  recorded_by       VARCHAR(200)             NOT NULL,
  recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE retention_risk_analysis
(
  id                UUID                     NOT NULL PRIMARY KEY,
  rule_id           VARCHAR(100)             NOT NULL REFERENCES retention_anonymization (rule_id),
  analysed_on       DATE                     NOT NULL,
  individualization VARCHAR(4000)            NOT NULL,
  correlation       VARCHAR(4000)            NOT NULL,
  inference         VARCHAR(4000)            NOT NULL,
  very_low          BOOLEAN                  NOT NULL,
  recorded_by       VARCHAR(200)             NOT NULL,
  recorded_at       TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX retention_risk_analysis_rule ON retention_risk_analysis (rule_id, analysed_on);
