-- Module organization: the person in charge's title (and the acting person's) in each language. officer_title and
-- acting_title stay the French title; the English one is optional, English pages and letters falling back to the
-- French title without it. The demo profile wrote both languages in one title ("Directeur des opérations / Director
-- of Operations"): those exact demo values are split into their French and English halves.
ALTER TABLE organization_profile ADD COLUMN officer_title_en VARCHAR(200);
ALTER TABLE organization_profile ADD COLUMN acting_title_en VARCHAR(200);

UPDATE organization_profile
SET officer_title = 'Directeur des opérations', officer_title_en = 'Director of Operations'
WHERE officer_title = 'Directeur des opérations / Director of Operations';

UPDATE organization_profile
SET acting_title = 'Président', acting_title_en = 'President'
WHERE acting_title = 'Président / President';
