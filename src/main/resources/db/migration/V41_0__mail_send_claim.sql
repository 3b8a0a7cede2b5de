-- Module mail: an email is claimed before it is handed to the mail server (claimed_at), so that two sends of one held
-- message — the officer's « Envoyer maintenant » clicked twice, or with a delivery retried — send it once. A claim
-- older than a few minutes (a node that stopped mid-send) may be taken again. The index serves the held emails'
-- count that the console shows on every page once a mail server is configured.
ALTER TABLE mail_message ADD COLUMN claimed_at TIMESTAMP WITH TIME ZONE;
CREATE INDEX mail_message_status ON mail_message (status, created_at);
