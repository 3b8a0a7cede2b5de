-- The name a complaint's document was uploaded under (the public's and privacy officer's review of 2026-12-05: documents
-- came back under a generated name), cleaned of folders, control characters and quotes (at most 200 characters) and
-- sealed under the file's subject key like the content, so that it is destroyed with it. Null for the letters Gardien
-- writes (answer, delay notice, information request), for documents stored before, and when none was given.
ALTER TABLE complaints_document ADD COLUMN file_name VARCHAR(1400);
