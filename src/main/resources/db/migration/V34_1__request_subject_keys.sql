-- Crypto-shredding (issue 17): a request's identifier values and details are sealed under a per-subject key kept
-- outside the database (gardien.subject-keys.directory); the request names its key. Requests stored before keep their
-- values in clear (no key) until their retention purge. Sealed values are longer than the clear ones.
ALTER TABLE requests_request ADD COLUMN subject_key UUID;
ALTER TABLE requests_request ALTER COLUMN details SET DATA TYPE VARCHAR(6000);
ALTER TABLE requests_identifier ALTER COLUMN identifier SET DATA TYPE VARCHAR(600);
