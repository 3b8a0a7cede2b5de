-- How many of the persons concerned by an incident reside in Québec (s. 3 of the Regulation respecting confidentiality
-- incidents: the notice to the Commission gives the number of persons concerned and of those who reside in Québec, or
-- their approximations). Null while unknown; persons_approximate covers both numbers.
ALTER TABLE incident ADD COLUMN persons_in_quebec BIGINT;
