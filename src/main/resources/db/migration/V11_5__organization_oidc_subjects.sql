-- Module organization: accounts created by single sign-on are linked to the person at the identity provider by the
-- issuer and subject of their ID tokens, never by username (docs/single-sign-on.md). One link per account.
CREATE TABLE account_oidc_subject
(
  account_id UUID                     NOT NULL PRIMARY KEY REFERENCES account (id),
  issuer     VARCHAR(500)             NOT NULL,
  subject    VARCHAR(255)             NOT NULL,
  linked_at  TIMESTAMP WITH TIME ZONE NOT NULL,
  CONSTRAINT account_oidc_subject_uk UNIQUE (issuer, subject)
);
