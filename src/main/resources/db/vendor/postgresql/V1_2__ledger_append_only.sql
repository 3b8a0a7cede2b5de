-- Ledger rows can be appended, never changed: a trigger refuses UPDATE, DELETE and TRUNCATE for every role that
-- has not deliberately disabled triggers (only a superuser or the table owner can), and the privileges are revoked
-- from PUBLIC so that an application role created as documented in the README only ever has SELECT and INSERT.
CREATE FUNCTION ledger_refuse_change() RETURNS trigger AS $$
BEGIN
  RAISE EXCEPTION 'ledger tables are append-only (% on %)', TG_OP, TG_TABLE_NAME
    USING ERRCODE = 'insufficient_privilege';
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER ledger_entry_append_only
  BEFORE UPDATE OR DELETE ON ledger_entry
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_entry_no_truncate
  BEFORE TRUNCATE ON ledger_entry
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_append_only
  BEFORE UPDATE OR DELETE ON ledger_checkpoint
  FOR EACH ROW EXECUTE FUNCTION ledger_refuse_change();
CREATE TRIGGER ledger_checkpoint_no_truncate
  BEFORE TRUNCATE ON ledger_checkpoint
  FOR EACH STATEMENT EXECUTE FUNCTION ledger_refuse_change();

REVOKE UPDATE, DELETE, TRUNCATE ON ledger_entry, ledger_checkpoint FROM PUBLIC;
