-- Module requests: retention (Law 25 s. 23). When a request ended (sent, closed, cancelled or deemed refused: the
-- latest such move) and when its personal information was destroyed. After purging, identifiers keep their kind and
-- keyed digest; their value is null.
ALTER TABLE requests_request ADD COLUMN ended_at TIMESTAMP WITH TIME ZONE;
ALTER TABLE requests_request ADD COLUMN purged_at TIMESTAMP WITH TIME ZONE;
UPDATE requests_request SET ended_at = updated_at WHERE status IN ('SENT', 'CLOSED', 'CANCELLED', 'DEEMED_REFUSED');
CREATE INDEX requests_request_ended ON requests_request (ended_at);
ALTER TABLE requests_identifier ALTER COLUMN identifier DROP NOT NULL;
