-- Module requests: whom a paper answer is addressed to, as staff entered it from the person's letter or call — the
-- person's name as the letter shows it (at most 200 characters) and a postal address of several lines (at most 500) —
-- sealed under the request's subject key like its details and identifiers, so that both are destroyed with it. Null
-- when none was given, and for the requests stored before.
ALTER TABLE requests_request ADD COLUMN addressee_name VARCHAR(1400);
ALTER TABLE requests_request ADD COLUMN postal_address VARCHAR(3000);
