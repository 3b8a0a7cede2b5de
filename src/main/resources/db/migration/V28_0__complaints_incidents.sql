-- A complaint may concern a confidentiality incident (issue 16, "Links"): each link shows on the complaint's page and on
-- the incident's. Ids only; the link goes with the complaint when its file is destroyed on its retention schedule.
CREATE TABLE complaints_incident_link
(
  complaint_id UUID                     NOT NULL REFERENCES complaints_complaint (id) ON DELETE CASCADE,
  incident_id  UUID                     NOT NULL,
  linked_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (complaint_id, incident_id)
);
CREATE INDEX complaints_incident_link_incident ON complaints_incident_link (incident_id);
