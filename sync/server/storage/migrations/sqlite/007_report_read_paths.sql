-- Report counters at two more grains, kept in the same transactions as daily_counts (storage/console/count-tables.ts):
-- a year's report by key sums months, a chart by day sums one row per station and day. Clustered by their keys
-- (WITHOUT ROWID), so a range of months or days is one contiguous read.
CREATE TABLE monthly_counts (
  metric TEXT NOT NULL,
  month TEXT NOT NULL,
  station_id TEXT NOT NULL,
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (metric, month, station_id, key)
) WITHOUT ROWID;

CREATE TABLE daily_totals (
  metric TEXT NOT NULL,
  day TEXT NOT NULL,
  station_id TEXT NOT NULL,
  count INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (metric, day, station_id)
) WITHOUT ROWID;

INSERT INTO monthly_counts (metric, month, station_id, key, count, total)
  SELECT metric, substr(day, 1, 7), station_id, key, sum(count), sum(total) FROM daily_counts GROUP BY metric, substr(day, 1, 7), station_id, key;
INSERT INTO daily_totals (metric, day, station_id, count, total)
  SELECT metric, day, station_id, sum(count), sum(total) FROM daily_counts GROUP BY metric, day, station_id;

-- The dashboard counts a community's requests by status (done and rated: most of them): with only the status
-- index, every one was looked up in the table for its station.
CREATE INDEX console_requests_station_status ON console_requests (station_id, status);
