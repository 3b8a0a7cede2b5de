-- Module incidents: the register of confidentiality incidents (P-39.1 s. 3.8; Reg. A-2.1, r. 3.1, s. 7), the
-- risk-of-serious-injury assessment (s. 3.7), the notices sent and the measures taken. Free text is the officer's
-- description of the incident; no person's data is stored here.
CREATE TABLE incident
(
  id                       UUID                     NOT NULL PRIMARY KEY,
  title                    VARCHAR(200)             NOT NULL,
  -- one of the four kinds of s. 3.6; null while not yet determined
  kind                     VARCHAR(30),
  status                   VARCHAR(20)              NOT NULL,
  -- s. 7(1): the information concerned, or why it cannot be described
  pi_description           VARCHAR(4000),
  pi_unknown_reason        VARCHAR(2000),
  -- s. 7(2)
  circumstances            VARCHAR(4000)            NOT NULL,
  -- s. 7(3): date or period, approximate when not known
  occurred_from            DATE                     NOT NULL,
  occurred_to              DATE,
  occurred_approximate     BOOLEAN                  NOT NULL,
  -- s. 7(4)
  aware_at                 TIMESTAMP WITH TIME ZONE NOT NULL,
  aware_offset             VARCHAR(6)               NOT NULL,
  -- s. 7(5)
  persons_count            BIGINT,
  persons_approximate      BOOLEAN                  NOT NULL,
  -- comma-separated ids of the data map's systems and PI categories
  systems                  VARCHAR(2000)            NOT NULL,
  categories               VARCHAR(2000)            NOT NULL,
  -- s. 7(6): the assessment (s. 3.7 factors, each with its reasoning)
  sensitivity              VARCHAR(10),
  sensitivity_reason       VARCHAR(2000),
  consequences             VARCHAR(10),
  consequences_reason      VARCHAR(2000),
  likelihood               VARCHAR(10),
  likelihood_reason        VARCHAR(2000),
  ill_intentioned_uses     VARCHAR(2000),
  consulted_on             DATE,
  consultation_note        VARCHAR(2000),
  suggested_serious        BOOLEAN,
  serious                  BOOLEAN,
  override_reason          VARCHAR(2000),
  assessed_at              TIMESTAMP WITH TIME ZONE,
  -- s. 7(7)
  cai_notice_on            DATE,
  persons_notice_on        DATE,
  public_notice            BOOLEAN                  NOT NULL,
  public_notice_reason     VARCHAR(2000),
  no_notice_reason         VARCHAR(2000),
  retain_until             DATE                     NOT NULL,
  created_at               TIMESTAMP WITH TIME ZONE NOT NULL,
  created_by               VARCHAR(200)             NOT NULL,
  closed_at                TIMESTAMP WITH TIME ZONE,
  version                  INT                      NOT NULL
);
CREATE INDEX incident_status ON incident (status);

-- s. 7(8): containment, mitigation and prevention measures, each with its owner and dates.
CREATE TABLE incident_measure
(
  id          UUID          NOT NULL PRIMARY KEY,
  incident_id UUID          NOT NULL REFERENCES incident (id),
  kind        VARCHAR(20)   NOT NULL,
  description VARCHAR(2000) NOT NULL,
  owner       VARCHAR(200)  NOT NULL,
  due_on      DATE,
  done_on     DATE,
  position    INT           NOT NULL
);
CREATE INDEX incident_measure_incident ON incident_measure (incident_id);
