-- Scanned letters and representatives' documents (mandate, proof of parental authority or tutorship).
CREATE TABLE requests_document
(
  id          UUID                     NOT NULL PRIMARY KEY,
  request_id  UUID                     NOT NULL REFERENCES requests_request (id),
  kind        VARCHAR(20)              NOT NULL,
  media_type  VARCHAR(100)             NOT NULL,
  size        BIGINT                   NOT NULL,
  sha256      CHAR(64)                 NOT NULL,
  content     BLOB                     NOT NULL,
  status      VARCHAR(20)              NOT NULL,
  uploaded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  reviewed_at TIMESTAMP WITH TIME ZONE,
  reviewed_by VARCHAR(200)
);
