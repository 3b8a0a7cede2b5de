-- H2 has no PL/SQL triggers: see V1_2. PostgreSQL makes ledger_checkpoint_timestamp append-only in its own V11_2_1.
SELECT 1;
