-- Module mail: every outgoing message, so that the embedded default works without SMTP and the console can show it.
-- Rows hold personal information (addresses, text) and are purged after gardien.mail.retention.
CREATE TABLE mail_message
(
  id           UUID                     NOT NULL PRIMARY KEY,
  channel      VARCHAR(10)              NOT NULL,
  recipient    VARCHAR(320)             NOT NULL,
  subject      VARCHAR(1000)            NOT NULL,
  body         VARCHAR(100000)          NOT NULL,
  template     VARCHAR(100)             NOT NULL,
  related_type VARCHAR(50),
  related_id   VARCHAR(100),
  created_at   TIMESTAMP WITH TIME ZONE NOT NULL,
  status       VARCHAR(20)              NOT NULL,
  sent_at      TIMESTAMP WITH TIME ZONE
);
CREATE INDEX mail_message_related ON mail_message (related_id);
CREATE INDEX mail_message_created ON mail_message (created_at);
