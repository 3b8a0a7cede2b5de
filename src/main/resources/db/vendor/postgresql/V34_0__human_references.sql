-- Human references ("R-2026-00042", "C-2026-00007") for rights requests and complaints: the year received and a
-- number from a sequence. Files received before this version are numbered in the order they were received.
CREATE SEQUENCE requests_reference_seq;
CREATE SEQUENCE complaints_reference_seq;

ALTER TABLE requests_request ADD COLUMN reference VARCHAR(24);
WITH n AS (SELECT id, EXTRACT(YEAR FROM received_at AT TIME ZONE 'UTC')::int AS y,
                  row_number() OVER (ORDER BY received_at, id) AS k FROM requests_request)
UPDATE requests_request r SET reference = 'R-' || n.y || '-' || lpad(n.k::text, greatest(5, length(n.k::text)), '0')
FROM n WHERE n.id = r.id;
SELECT setval('requests_reference_seq', (SELECT COUNT(*) + 1 FROM requests_request), false);
ALTER TABLE requests_request ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX requests_request_reference ON requests_request (reference);

ALTER TABLE complaints_complaint ADD COLUMN reference VARCHAR(24);
WITH n AS (SELECT id, EXTRACT(YEAR FROM received_at AT TIME ZONE 'UTC')::int AS y,
                  row_number() OVER (ORDER BY received_at, id) AS k FROM complaints_complaint)
UPDATE complaints_complaint c SET reference = 'C-' || n.y || '-' || lpad(n.k::text, greatest(5, length(n.k::text)), '0')
FROM n WHERE n.id = c.id;
SELECT setval('complaints_reference_seq', (SELECT COUNT(*) + 1 FROM complaints_complaint), false);
ALTER TABLE complaints_complaint ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX complaints_complaint_reference ON complaints_complaint (reference);
