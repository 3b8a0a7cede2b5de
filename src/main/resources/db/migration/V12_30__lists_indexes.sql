-- Console lists (issue 13): indexes for the sorted and filtered columns of the keyset-paged lists.
-- Requests queue: sorted by due date or receipt, ties broken by id (the keyset).
CREATE INDEX requests_request_due_id ON requests_request (due_on, id);
CREATE INDEX requests_request_received_id ON requests_request (received_at, id);
-- Consent history: newest first (seq), filtered by purpose or state.
CREATE INDEX consent_record_purpose_seq ON consent_record (purpose_id, seq);
CREATE INDEX consent_record_state_seq ON consent_record (state, seq);
-- Ledger: newest first (sequence, the primary key), filtered by action, actor or date.
CREATE INDEX ledger_entry_action_seq ON ledger_entry (action, sequence);
CREATE INDEX ledger_entry_actor_seq ON ledger_entry (actor_id, sequence);
CREATE INDEX ledger_entry_recorded ON ledger_entry (recorded_at);
