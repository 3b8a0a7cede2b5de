-- A group of consent writes is published as one event (ledger.EvidenceBatch) of up to 64 records: its serialized form
-- outgrew the 4,000 characters Spring Modulith's H2 schema gives it, and every group on H2 rolled back to writes made
-- one by one. PostgreSQL's column is TEXT already.
ALTER TABLE event_publication ALTER COLUMN serialized_event SET DATA TYPE CHARACTER VARYING(1000000);
