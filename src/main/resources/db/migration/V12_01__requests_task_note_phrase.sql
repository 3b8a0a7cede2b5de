-- What Gardien itself notes on a task (a connector's run failed, exported without a package…), kept as a bundle key
-- and its arguments (shared.Phrase) so it is read in the reader's language; staff's own notes stay in note.
ALTER TABLE requests_task ADD COLUMN note_phrase VARCHAR(2000);
