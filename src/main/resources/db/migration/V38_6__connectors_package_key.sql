-- Module connectors: the subject key an export package is sealed under (crypto-shredding). The key lives outside the
-- database (gardien.subject-keys.directory); destroying it makes every copy of the package unreadable. Null for a run
-- without a package, and once the package's key was destroyed after its retention.
ALTER TABLE connectors_run ADD COLUMN package_key VARCHAR(36);
