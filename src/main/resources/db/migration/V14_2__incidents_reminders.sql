-- Reminders while a required notice is unsent: one row per entry and reminder number, so each is sent once.
CREATE TABLE incident_reminder
(
  incident_id UUID                     NOT NULL REFERENCES incident (id),
  number      INT                      NOT NULL,
  sent_at     TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (incident_id, number)
);
