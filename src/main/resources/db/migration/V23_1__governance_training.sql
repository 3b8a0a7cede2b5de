-- Module governance: training and awareness campaigns (s. 3.2; seed §7: staff receive training and awareness
-- activities) and each person's acknowledgement with the version seen. The audience is fixed when a campaign starts.
CREATE TABLE governance_campaign
(
  id             UUID                     NOT NULL PRIMARY KEY,
  title          VARCHAR(200)             NOT NULL,
  policy_id      VARCHAR(60),
  policy_version INT,
  module         VARCHAR(200),
  roles          VARCHAR(200)             NOT NULL,
  due_on         DATE                     NOT NULL,
  created_at     TIMESTAMP WITH TIME ZONE NOT NULL
);

CREATE TABLE governance_campaign_member
(
  campaign_id     UUID                     NOT NULL REFERENCES governance_campaign (id),
  account_id      UUID                     NOT NULL,
  username        VARCHAR(200)             NOT NULL,
  display_name    VARCHAR(200),
  version_seen    INT,
  module_seen     VARCHAR(200),
  acknowledged_at TIMESTAMP WITH TIME ZONE,
  reminded_on     DATE,
  reminders       INT                      NOT NULL,
  PRIMARY KEY (campaign_id, account_id)
);
