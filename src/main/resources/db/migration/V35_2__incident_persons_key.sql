-- Crypto-shredding (issue 17): the addresses of an incident's persons list are sealed under a key of the incident's own,
-- kept outside the database (gardien.subject-keys.directory) and destroyed once the list holds no address any more.
-- Addresses found before stay sealed with the connectors' key until they are erased. Sealed values are longer.
ALTER TABLE incident ADD COLUMN persons_key UUID;
ALTER TABLE incident_person ALTER COLUMN email_sealed SET DATA TYPE VARCHAR(2000);
