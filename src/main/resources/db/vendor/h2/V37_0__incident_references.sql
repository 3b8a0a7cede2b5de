-- Human references for confidentiality incidents ("I-2026-00003"), like requests' and complaints' (V34_0): the year
-- the entry was recorded and a number from a sequence. Entries recorded before this version are numbered in the order
-- they were recorded.
CREATE SEQUENCE incidents_reference_seq;

ALTER TABLE incident ADD COLUMN reference VARCHAR(24);
MERGE INTO incident USING (SELECT id, EXTRACT(YEAR FROM created_at) AS y,
                                  ROW_NUMBER() OVER (ORDER BY created_at, id) AS k FROM incident) n
  ON incident.id = n.id
  WHEN MATCHED THEN UPDATE SET reference =
    'I-' || n.y || '-' || LPAD(CAST(n.k AS VARCHAR), GREATEST(5, LENGTH(CAST(n.k AS VARCHAR))), '0');
ALTER SEQUENCE incidents_reference_seq RESTART WITH (SELECT COUNT(*) + 1 FROM incident);
ALTER TABLE incident ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX incident_reference ON incident (reference);
