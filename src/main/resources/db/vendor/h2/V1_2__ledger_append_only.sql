-- H2 (the embedded, single-user default) has no PL/SQL triggers; append-only is enforced by the application and any
-- change is caught by the chain verifier. PostgreSQL adds database-level refusal in its own V1_2.
SELECT 1;
