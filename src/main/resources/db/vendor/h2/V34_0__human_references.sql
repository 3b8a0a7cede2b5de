-- Human references ("R-2026-00042", "C-2026-00007") for rights requests and complaints: the year received and a
-- number from a sequence. Files received before this version are numbered in the order they were received.
CREATE SEQUENCE requests_reference_seq;
CREATE SEQUENCE complaints_reference_seq;

ALTER TABLE requests_request ADD COLUMN reference VARCHAR(24);
MERGE INTO requests_request USING (SELECT id, EXTRACT(YEAR FROM received_at) AS y,
                                          ROW_NUMBER() OVER (ORDER BY received_at, id) AS k FROM requests_request) n
  ON requests_request.id = n.id
  WHEN MATCHED THEN UPDATE SET reference =
    'R-' || n.y || '-' || LPAD(CAST(n.k AS VARCHAR), GREATEST(5, LENGTH(CAST(n.k AS VARCHAR))), '0');
ALTER SEQUENCE requests_reference_seq RESTART WITH (SELECT COUNT(*) + 1 FROM requests_request);
ALTER TABLE requests_request ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX requests_request_reference ON requests_request (reference);

ALTER TABLE complaints_complaint ADD COLUMN reference VARCHAR(24);
MERGE INTO complaints_complaint USING (SELECT id, EXTRACT(YEAR FROM received_at) AS y,
                                              ROW_NUMBER() OVER (ORDER BY received_at, id) AS k FROM complaints_complaint) n
  ON complaints_complaint.id = n.id
  WHEN MATCHED THEN UPDATE SET reference =
    'C-' || n.y || '-' || LPAD(CAST(n.k AS VARCHAR), GREATEST(5, LENGTH(CAST(n.k AS VARCHAR))), '0');
ALTER SEQUENCE complaints_reference_seq RESTART WITH (SELECT COUNT(*) + 1 FROM complaints_complaint);
ALTER TABLE complaints_complaint ALTER COLUMN reference SET NOT NULL;
CREATE UNIQUE INDEX complaints_complaint_reference ON complaints_complaint (reference);
