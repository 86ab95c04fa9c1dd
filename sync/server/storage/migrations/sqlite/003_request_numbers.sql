-- The number a resident holds for a request (unique per station, see sync/protocol/README.md), so staff find the
-- request by it. Indexed number first: the same index answers a number alone (which stations have it) and a
-- (station, number) pair.
ALTER TABLE requests ADD COLUMN number TEXT;
UPDATE requests SET number = (SELECT json_extract(records.payload, '$.number') FROM records WHERE records.id = requests.id);
CREATE INDEX requests_number_station ON requests (number, station_id);
