-- The version of each assessment row: an update names the version it read and moves it on, so that of two steps racing
-- on one assessment the second is refused (409) instead of both being written.
ALTER TABLE assessments_assessment ADD COLUMN row_version INTEGER DEFAULT 0 NOT NULL;
