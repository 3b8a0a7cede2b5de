-- Crypto-shredding (issue 17): a complaint file's personal information — the complainant's name, email, phone, the
-- subject and reasons they wrote, the steps' words and the documents — is sealed under a key of the file's own, kept
-- outside the database (gardien.subject-keys.directory) and destroyed with the file. Files stored before keep their
-- values in clear (no key) until their retention period ends. Sealed values are longer than the clear ones.
ALTER TABLE complaints_complaint ADD COLUMN subject_key UUID;
ALTER TABLE complaints_complaint ALTER COLUMN name SET DATA TYPE VARCHAR(1200);
ALTER TABLE complaints_complaint ALTER COLUMN email SET DATA TYPE VARCHAR(1800);
ALTER TABLE complaints_complaint ALTER COLUMN phone SET DATA TYPE VARCHAR(300);
ALTER TABLE complaints_complaint ALTER COLUMN subject SET DATA TYPE VARCHAR(1200);
ALTER TABLE complaints_complaint ALTER COLUMN reasons SET DATA TYPE VARCHAR(60000);
ALTER TABLE complaints_step ALTER COLUMN detail SET DATA TYPE VARCHAR(60000);
