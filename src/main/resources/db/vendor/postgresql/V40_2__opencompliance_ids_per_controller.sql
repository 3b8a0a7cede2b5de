-- Module opencompliance: a subject_request_id is the controller's own, unique per controller (the calling token's
-- account) and no longer across controllers, whose 409 told one controller that another had used an id (attacker's
-- finding). A callback now refers to its submission by the rights request's id, which stays unique.
ALTER TABLE opencompliance_callback ADD COLUMN request_id UUID;
UPDATE opencompliance_callback c SET request_id = r.request_id
FROM opencompliance_request r WHERE r.subject_request_id = c.subject_request_id;
ALTER TABLE opencompliance_callback ALTER COLUMN request_id SET NOT NULL;
ALTER TABLE opencompliance_callback DROP CONSTRAINT opencompliance_callback_subject_request_id_fkey;
ALTER TABLE opencompliance_callback ADD CONSTRAINT opencompliance_callback_request_fk
  FOREIGN KEY (request_id) REFERENCES opencompliance_request (request_id);
CREATE INDEX opencompliance_callback_request ON opencompliance_callback (request_id);

ALTER TABLE opencompliance_request DROP CONSTRAINT opencompliance_request_pkey;
ALTER TABLE opencompliance_request ADD CONSTRAINT opencompliance_request_pk
  PRIMARY KEY (controller_id, subject_request_id);
