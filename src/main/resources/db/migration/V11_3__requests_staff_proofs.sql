-- Module requests (issue 11): proofs of identity made by staff instead of a code. Subject CUSTOMER is the customer
-- number confirmed against the customer file; PERSON is the person as a whole, checked in person or through another
-- channel by the person in charge or a delegate. Email and phone are never confirmed this way: only a code proves them.
-- The reason is the free text staff wrote (it may name what was checked): it is destroyed with the request's other
-- personal information, and the ledger records only the basis and the reason's length.
CREATE TABLE requests_staff_proof
(
  request_id  UUID                     NOT NULL REFERENCES requests_request (id),
  subject     VARCHAR(20)              NOT NULL,
  basis       VARCHAR(30)              NOT NULL,
  reason      VARCHAR(500),
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL,
  recorded_by VARCHAR(200)             NOT NULL,
  PRIMARY KEY (request_id, subject)
);
