-- Staff's working notes on a request (the console's "Notes" section); the text is personal information, destroyed
-- with the request's other personal information at the end of its retention period (body set to NULL).
CREATE TABLE requests_note
(
  id         UUID                     NOT NULL PRIMARY KEY,
  request_id UUID                     NOT NULL REFERENCES requests_request (id),
  body       VARCHAR(4000),
  author     VARCHAR(200)             NOT NULL,
  created_at TIMESTAMP WITH TIME ZONE NOT NULL
);
CREATE INDEX requests_note_request ON requests_note (request_id, created_at);
