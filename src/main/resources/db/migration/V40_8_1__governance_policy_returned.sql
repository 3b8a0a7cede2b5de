-- The last time a version in review was sent back to draft instead of approved: when, as whom (person-in-charge or
-- substitute) and why, shown on the version until it is approved. The ledger keeps every return (governance.returned-to-draft).
ALTER TABLE governance_policy_version ADD COLUMN returned_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE governance_policy_version ADD COLUMN returned_by VARCHAR(200);
ALTER TABLE governance_policy_version ADD COLUMN returned_reason VARCHAR(4000);
