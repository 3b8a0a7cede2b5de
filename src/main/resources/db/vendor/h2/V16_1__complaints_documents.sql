-- The documents of a complaint file: the scanned letter, supporting documents and the answer's PDF, with SHA-256.
CREATE TABLE complaints_document
(
  id           UUID                     NOT NULL PRIMARY KEY,
  complaint_id UUID                     NOT NULL REFERENCES complaints_complaint (id) ON DELETE CASCADE,
  kind         VARCHAR(20)              NOT NULL,
  media_type   VARCHAR(100)             NOT NULL,
  size         BIGINT                   NOT NULL,
  sha256       CHAR(64)                 NOT NULL,
  content      BLOB NOT NULL,
  uploaded_at  TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX complaints_document_complaint ON complaints_document (complaint_id);
