-- A step whose letter was emailed while no mail server was configured: the email stays in the outbox and never leaves,
-- so the timeline says it was placed there, not sent (officer's review). Recorded when the step is taken, since the
-- outbox forgets its messages after its retention period; false for every step before.
ALTER TABLE complaints_step ADD COLUMN held BOOLEAN DEFAULT FALSE NOT NULL;
