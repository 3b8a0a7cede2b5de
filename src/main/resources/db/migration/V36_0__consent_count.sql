-- Module consent: what stays of the consent histories destroyed at the end of their keeping period
-- (gardien.consent.retention): how many histories and records, by purpose, final state (the history's latest record:
-- REFUSED, WITHDRAWN or EXPIRED) and the year (UTC) that record was made. No subject, no identifier.
CREATE TABLE consent_count
(
  purpose_id    VARCHAR(100) NOT NULL,
  final_state   VARCHAR(20)  NOT NULL,
  recorded_year INT          NOT NULL,
  histories     BIGINT       NOT NULL,
  records       BIGINT       NOT NULL,
  PRIMARY KEY (purpose_id, final_state, recorded_year)
);
-- The keeping sweep looks for histories whose latest record is no longer in force, by sequence number.
CREATE INDEX consent_record_state_recorded ON consent_record (state, recorded_at);
