-- Who recorded an absence of the person in charge (an account id, or a token's kind and id): the designated substitute
-- never acts on an absence they recorded themselves (attacker's review: the substitute recorded the absence that let
-- them approve and publish alone). Unknown for the records kept before.
ALTER TABLE governance_officer_record ADD COLUMN recorded_by VARCHAR(200);

-- Who started, edited or sent a policy version to review (an account id, or a token's kind and id): a substitute
-- acting during an absence does not approve a version they wrote (separation of duties). Rows are only added.
CREATE TABLE governance_policy_writer
(
  policy_id      VARCHAR(60)  NOT NULL,
  version_number INT          NOT NULL,
  writer         VARCHAR(200) NOT NULL,
  PRIMARY KEY (policy_id, version_number, writer),
  FOREIGN KEY (policy_id, version_number) REFERENCES governance_policy_version (policy_id, version_number)
);
