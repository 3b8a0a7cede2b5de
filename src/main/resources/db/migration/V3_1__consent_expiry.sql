-- Module consent: one row per grant recorded as EXPIRED. The primary key makes the expiry sweep record each grant's
-- expiry once even when several nodes sweep at the same time: the second insert fails and its transaction rolls back.
CREATE TABLE consent_expiry
(
  grant_id   UUID                     NOT NULL PRIMARY KEY,
  expired_id UUID                     NOT NULL,
  expired_at TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE INDEX consent_record_valid_until ON consent_record (valid_until);
