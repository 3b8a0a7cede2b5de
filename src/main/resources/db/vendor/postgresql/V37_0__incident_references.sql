-- Human references for confidentiality incidents ("I-2026-00003"), like requests' and complaints' (V34_0): the year
-- the entry was recorded and a number from a sequence. Entries recorded before this version are numbered in the order
-- they were recorded.
CREATE SEQUENCE incidents_reference_seq;

ALTER TABLE incident ADD COLUMN reference VARCHAR(24);
WITH n AS (SELECT id, EXTRACT(YEAR FROM created_at AT TIME ZONE 'UTC')::int AS y,
                  row_number() OVER (ORDER BY created_at, id) AS k FROM incident)
UPDATE incident i SET reference = 'I-' || n.y || '-' || lpad(n.k::text, greatest(5, length(n.k::text)), '0')
FROM n WHERE n.id = i.id;
SELECT setval('incidents_reference_seq', (SELECT COUNT(*) + 1 FROM incident), false);
ALTER TABLE incident ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX incident_reference ON incident (reference);
