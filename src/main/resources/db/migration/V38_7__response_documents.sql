-- Module requests: the request's own files (staff's attachments) the answer joins, as document ids separated by
-- commas, in the order the answer's ZIP holds them (documents/01-…); null when none.
ALTER TABLE requests_response ADD COLUMN documents VARCHAR(1000);
