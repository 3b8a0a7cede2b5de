-- Module opencompliance: a subject_request_id is the controller's own, unique per controller (the calling token's
-- account) and no longer across controllers, whose 409 told one controller that another had used an id (attacker's
-- finding). A callback now refers to its submission by the rights request's id, which stays unique. H2 named the
-- callbacks' foreign key itself: the table is made again, rows and all, without it.
CREATE TABLE opencompliance_callback_v2
(
  id                 UUID                     NOT NULL PRIMARY KEY,
  subject_request_id UUID                     NOT NULL,
  request_id         UUID                     NOT NULL,
  url                VARCHAR(2000)            NOT NULL,
  request_status     VARCHAR(20)              NOT NULL,
  body               VARCHAR(4000)            NOT NULL,
  attempts           INT                      NOT NULL,
  next_attempt_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  claimed_until      TIMESTAMP WITH TIME ZONE,
  delivered_at       TIMESTAMP WITH TIME ZONE,
  abandoned_at       TIMESTAMP WITH TIME ZONE,
  last_error         VARCHAR(200)
);
INSERT INTO opencompliance_callback_v2 (id, subject_request_id, request_id, url, request_status, body, attempts,
                                        next_attempt_at, claimed_until, delivered_at, abandoned_at, last_error)
SELECT c.id, c.subject_request_id, r.request_id, c.url, c.request_status, c.body, c.attempts, c.next_attempt_at,
       c.claimed_until, c.delivered_at, c.abandoned_at, c.last_error
FROM opencompliance_callback c JOIN opencompliance_request r ON r.subject_request_id = c.subject_request_id;
DROP TABLE opencompliance_callback;
ALTER TABLE opencompliance_callback_v2 RENAME TO opencompliance_callback;
ALTER TABLE opencompliance_callback ADD CONSTRAINT opencompliance_callback_request_fk
  FOREIGN KEY (request_id) REFERENCES opencompliance_request (request_id);
CREATE INDEX opencompliance_callback_due ON opencompliance_callback (next_attempt_at);

ALTER TABLE opencompliance_request DROP PRIMARY KEY;
ALTER TABLE opencompliance_request ADD CONSTRAINT opencompliance_request_pk
  PRIMARY KEY (controller_id, subject_request_id);
