-- Module incidents: the account (a staff member, a delegate) that handles an entry, and the authorities outside Québec
-- with functions similar to the Commission's that were notified (item 11 of the notice to the Commission).
ALTER TABLE incident ADD COLUMN assigned_to UUID;
ALTER TABLE incident ADD COLUMN other_authorities VARCHAR(2000);
