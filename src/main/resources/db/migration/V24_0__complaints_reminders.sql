-- Reminders before a complaint's due date (gardien.complaints.reminders.days-before): each threshold once per due
-- date, claimed by the insert so that several nodes may tick.
CREATE TABLE complaints_reminder
(
  complaint_id UUID                     NOT NULL REFERENCES complaints_complaint (id) ON DELETE CASCADE,
  due_on       DATE                     NOT NULL,
  days_before  INTEGER                  NOT NULL,
  sent_at      TIMESTAMP WITH TIME ZONE NOT NULL,
  PRIMARY KEY (complaint_id, due_on, days_before)
);
