-- Module inventory: approved versions of the published privacy notice, kept readable forever.
CREATE TABLE inventory_notice_version
(
  version     INT                      NOT NULL PRIMARY KEY,
  approved_at TIMESTAMP WITH TIME ZONE NOT NULL,
  actor_kind  VARCHAR(20)              NOT NULL,
  actor_id    VARCHAR(200)             NOT NULL,
  sha256      CHAR(64)                 NOT NULL,
  text_fr     VARCHAR(1000000)         NOT NULL,
  text_en     VARCHAR(1000000)         NOT NULL
);
