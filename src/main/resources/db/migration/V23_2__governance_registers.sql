-- Module governance: the registers of ss. 8.1, 9.1 and 12.1. SETTING: a privacy setting of a product or service
-- offered to the public, its default and its most private value (a reason is required when they differ);
-- TECHNOLOGY: a means of identifying, locating or profiling a person and how the person turns it on;
-- DECISION: a decision based exclusively on automated processing, the information used and the factors.
CREATE TABLE governance_register_entry
(
  id          UUID                     NOT NULL PRIMARY KEY,
  kind        VARCHAR(20)              NOT NULL,
  product     VARCHAR(200),
  name_fr     VARCHAR(200)             NOT NULL,
  name_en     VARCHAR(200)             NOT NULL,
  detail_fr   VARCHAR(2000),
  detail_en   VARCHAR(2000),
  default_value VARCHAR(100),
  most_private  VARCHAR(100),
  reason      VARCHAR(2000),
  recorded_at TIMESTAMP WITH TIME ZONE NOT NULL
);
