-- Module organization: accounts, API tokens and the organization profile.
CREATE TABLE account
(
  id                   UUID                     NOT NULL PRIMARY KEY,
  username             VARCHAR(100)             NOT NULL,
  display_name         VARCHAR(200)             NOT NULL,
  password_hash        VARCHAR(255),
  roles                VARCHAR(200)             NOT NULL,
  must_change_password BOOLEAN                  NOT NULL,
  enabled              BOOLEAN                  NOT NULL,
  failed_attempts      INT                      NOT NULL,
  locked_until         TIMESTAMP WITH TIME ZONE,
  preferred_locale     VARCHAR(10),
  created_at           TIMESTAMP WITH TIME ZONE NOT NULL,
  version              INT                      NOT NULL,
  CONSTRAINT account_username_uk UNIQUE (username)
);

CREATE TABLE api_token
(
  id           UUID                     NOT NULL PRIMARY KEY,
  account_id   UUID                     NOT NULL REFERENCES account (id),
  name         VARCHAR(100)             NOT NULL,
  token_hash   CHAR(64)                 NOT NULL,
  prefix       VARCHAR(16)              NOT NULL,
  roles        VARCHAR(200)             NOT NULL,
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  revoked_at   TIMESTAMP WITH TIME ZONE,
  last_used_at TIMESTAMP WITH TIME ZONE,
  version      INT                      NOT NULL,
  CONSTRAINT api_token_hash_uk UNIQUE (token_hash)
);

CREATE INDEX api_token_account_idx ON api_token (account_id);

CREATE TABLE organization_profile
(
  id            INT                      NOT NULL PRIMARY KEY,
  legal_name    VARCHAR(200)             NOT NULL,
  neq           VARCHAR(10),
  street        VARCHAR(200)             NOT NULL,
  city          VARCHAR(100)             NOT NULL,
  province      VARCHAR(100)             NOT NULL,
  postal_code   VARCHAR(20)              NOT NULL,
  country       VARCHAR(100)             NOT NULL,
  officer_name  VARCHAR(200)             NOT NULL,
  officer_title VARCHAR(200)             NOT NULL,
  officer_email VARCHAR(254)             NOT NULL,
  officer_phone VARCHAR(40),
  acting_name   VARCHAR(200),
  acting_title  VARCHAR(200),
  acting_email  VARCHAR(254),
  acting_phone  VARCHAR(40),
  updated_at    TIMESTAMP WITH TIME ZONE NOT NULL,
  version       INT                      NOT NULL
);
