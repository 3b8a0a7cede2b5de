-- Module incidents: the persons an incident concerns, found through a database connector (issue 14). Only what is
-- needed to notify them is kept: the address sealed with the connectors key (AES-256-GCM) and the language. The
-- address is erased once the notices are done (queued in the mail outbox, or exported as a mailing file and marked
-- done); the row stays with the outbox message id, so that each delivery can be followed without the address.
CREATE TABLE incident_person
(
  id           UUID                     NOT NULL PRIMARY KEY,
  incident_id  UUID                     NOT NULL REFERENCES incident (id),
  email_sealed VARCHAR(1000),
  language     VARCHAR(2)               NOT NULL,
  connector    VARCHAR(100)             NOT NULL,
  found_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  message_id   UUID,
  notified_at  TIMESTAMP WITH TIME ZONE
);
CREATE INDEX incident_person_incident ON incident_person (incident_id);

-- Supplementary information sent to the Commission after its first notice (Reg. s. 3, last paragraph).
CREATE TABLE incident_supplement
(
  id          UUID                     NOT NULL PRIMARY KEY,
  incident_id UUID                     NOT NULL REFERENCES incident (id),
  sent_on     DATE                     NOT NULL,
  information VARCHAR(4000)            NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by VARCHAR(200)             NOT NULL
);
CREATE INDEX incident_supplement_incident ON incident_supplement (incident_id);
