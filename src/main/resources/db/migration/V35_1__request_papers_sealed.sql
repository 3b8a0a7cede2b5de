-- Crypto-shredding (issue 17): besides its identifiers and details, what a request keeps about the person — notes,
-- tasks' notes and what they found, the response's message and reasons, staff's proof reasons, and documents' content —
-- is sealed under the request's subject key (requests_request.subject_key). Sealed values are longer than the clear
-- ones; documents' content holds the sealed bytes. Requests stored before keep their values in clear until purged.
ALTER TABLE requests_note ALTER COLUMN body SET DATA TYPE VARCHAR(22000);
ALTER TABLE requests_task ALTER COLUMN note SET DATA TYPE VARCHAR(22000);
ALTER TABLE requests_task ALTER COLUMN records SET DATA TYPE VARCHAR(5400000);
ALTER TABLE requests_response ALTER COLUMN message SET DATA TYPE VARCHAR(110000);
ALTER TABLE requests_response ALTER COLUMN reasons SET DATA TYPE VARCHAR(110000);
ALTER TABLE requests_staff_proof ALTER COLUMN reason SET DATA TYPE VARCHAR(2800);
