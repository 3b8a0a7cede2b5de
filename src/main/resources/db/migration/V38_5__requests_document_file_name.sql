-- The name a request's file was uploaded under (the officer's review of 2026-12-05: attachments came back as
-- '<id>.bin'), cleaned of folders and control characters (at most 200 characters) and sealed under the request's
-- subject key like the content, so that it is destroyed with it. Null for the files stored before, and when none was given.
ALTER TABLE requests_document ADD COLUMN file_name VARCHAR(1400);
