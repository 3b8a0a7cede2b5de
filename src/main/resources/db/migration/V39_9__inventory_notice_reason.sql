-- The reason the person in charge gave for approving a notice while high gaps were open or placeholders remained: kept
-- with the version (several lines, up to 2000 characters); the ledger fact keeps its SHA-256, as a gap decision does.
ALTER TABLE inventory_notice_version ADD COLUMN reason VARCHAR(2000);
