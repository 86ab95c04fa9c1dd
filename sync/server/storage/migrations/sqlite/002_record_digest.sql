-- The fingerprint of each record's content (push/digest.ts), so a record pushed again under its id is told apart
-- as a duplicate or a conflict even after retention stripped the stored payload. NULL for records stored before.
ALTER TABLE records ADD COLUMN digest TEXT;
