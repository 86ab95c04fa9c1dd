-- Which definition of personal data (sync/protocol/personal.ts PERSONAL_DEFINITION) a row was last purged
-- under. NULL: not purged yet, or purged before this column existed, when the server kept no such mark; the
-- purge walks both again, so fields counted as personal since (free text, signatures) do not outlive retention
-- in records purged before. The console keeps its own copies of request events and shift events; they are
-- purged the same way.
ALTER TABLE records ADD COLUMN personal_definition INTEGER;
ALTER TABLE console_request_events ADD COLUMN personal_definition INTEGER;
ALTER TABLE shift_events ADD COLUMN personal_definition INTEGER;

-- The purge finds rows never purged by age, and rows purged under an older definition by that definition.
DROP INDEX records_unpurged;
CREATE INDEX records_unpurged ON records (received_at) WHERE personal_definition IS NULL;
CREATE INDEX records_purge_definition ON records (personal_definition);
CREATE INDEX console_request_events_unpurged ON console_request_events (received_at) WHERE personal_definition IS NULL;
CREATE INDEX console_request_events_purge_definition ON console_request_events (personal_definition);
CREATE INDEX shift_events_unpurged ON shift_events (at_ms) WHERE personal_definition IS NULL;
CREATE INDEX shift_events_purge_definition ON shift_events (personal_definition);
