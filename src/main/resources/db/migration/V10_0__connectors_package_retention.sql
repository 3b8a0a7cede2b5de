-- Module connectors: when an export package was deleted after its retention period (null while it is kept).
ALTER TABLE connectors_run ADD COLUMN package_deleted_at TIMESTAMP WITH TIME ZONE;
