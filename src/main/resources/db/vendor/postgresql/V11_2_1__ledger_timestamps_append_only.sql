-- Timestamp tokens are appended like the other ledger rows, never changed (see V1_2).
CREATE TRIGGER ledger_checkpoint_timestamp_append_only
  BEFORE UPDATE OR DELETE ON ledger_checkpoint_timestamp
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_timestamp_no_truncate
  BEFORE TRUNCATE ON ledger_checkpoint_timestamp
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON ledger_checkpoint_timestamp FROM PUBLIC;
