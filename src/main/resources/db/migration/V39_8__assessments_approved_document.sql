-- The approved report as it was approved (French XHTML): the document whose SHA-256 the assessments.approved fact
-- records, served as is afterwards instead of a new rendering that could no longer be checked against that digest.
ALTER TABLE assessments_assessment ADD COLUMN document_html VARCHAR(1000000);
