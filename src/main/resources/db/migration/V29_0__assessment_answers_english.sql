-- Module assessments: a pre-filled answer is written from the data map in French (answer) and English (answer_en), so
-- that the questionnaire and the report read in the reader's language. Null for an answer a person wrote.
ALTER TABLE assessments_answer ADD COLUMN answer_en VARCHAR(4000);
