-- Console consent history filtered by purpose and state, newest first (issue 13, lists benchmark): one index walk
-- instead of the purpose index filtered row by row on the state.
CREATE INDEX consent_record_purpose_state_seq ON consent_record (purpose_id, state, seq);
