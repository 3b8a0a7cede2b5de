-- Crypto-shredding (issue 17): an outbox message's recipient, subject and body are sealed under a key of its own,
-- outside the database, destroyed when the purge deletes the message; an exact address finds its messages by a keyed
-- digest. Messages stored before stay in clear until their purge. Sealed values are longer than the clear ones.
ALTER TABLE mail_message ADD COLUMN subject_key UUID;
ALTER TABLE mail_message ADD COLUMN recipient_digest VARCHAR(64);
ALTER TABLE mail_message ALTER COLUMN recipient SET DATA TYPE VARCHAR(600);
ALTER TABLE mail_message ALTER COLUMN subject SET DATA TYPE VARCHAR(6000);
ALTER TABLE mail_message ALTER COLUMN body SET DATA TYPE VARCHAR(600000);
CREATE INDEX mail_message_recipient ON mail_message (recipient_digest);
