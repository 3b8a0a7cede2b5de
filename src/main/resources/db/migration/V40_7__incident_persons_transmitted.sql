-- Module incidents: the notices to the persons concerned transmitted outside Gardien's mail server (by post, by a
-- mailing of the organization's own) as the officer records them, with the date and how (officer's walk of 2026-12-07:
-- with no mail server, the register said the persons were notified while every notice waited in the outbox). The
-- register's date of the persons' notice is then this date; the addresses still kept are erased at once.
CREATE TABLE incident_persons_transmitted
(
  id          UUID                     NOT NULL PRIMARY KEY,
  incident_id UUID                     NOT NULL REFERENCES incident (id),
  sent_on     DATE                     NOT NULL,
  means       VARCHAR(2000)            NOT NULL,
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by VARCHAR(200)             NOT NULL
);
CREATE INDEX incident_persons_transmitted_incident ON incident_persons_transmitted (incident_id);
