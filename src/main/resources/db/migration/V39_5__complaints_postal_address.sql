-- Module complaints: a complaint received by post (channel MAIL) may give only a postal address to answer to, no phone
-- and no email. The address (at most 8 lines, 500 characters) is sealed under the file's subject key like the
-- complainant's name, email and phone, and destroyed with the file (its key shredded); null when none was given, and
-- for the files stored before. The phone, required until now, may be absent for such a complaint.
ALTER TABLE complaints_complaint ADD COLUMN postal_address VARCHAR(3000);
ALTER TABLE complaints_complaint ALTER COLUMN phone DROP NOT NULL;
