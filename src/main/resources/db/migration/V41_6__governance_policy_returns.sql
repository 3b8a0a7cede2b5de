-- Every time a version in review was sent back to draft instead of approved: when, as whom (person-in-charge or
-- substitute) and why, shown on the version's page for good (officer's walk: the last return's line disappeared once
-- the version was approved, and a second return replaced the first). The ledger keeps each return's digest.
CREATE TABLE governance_policy_return
(
  policy_id      VARCHAR(60)              NOT NULL,
  version_number INT                      NOT NULL,
  returned_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  returned_by    VARCHAR(200)             NOT NULL,
  reason         VARCHAR(4000)            NOT NULL,
  PRIMARY KEY (policy_id, version_number, returned_at),
  FOREIGN KEY (policy_id, version_number) REFERENCES governance_policy_version (policy_id, version_number)
);

INSERT INTO governance_policy_return (policy_id, version_number, returned_at, returned_by, reason)
SELECT policy_id, version_number, returned_at, returned_by, returned_reason
FROM governance_policy_version
WHERE returned_at IS NOT NULL AND returned_by IS NOT NULL AND returned_reason IS NOT NULL;
