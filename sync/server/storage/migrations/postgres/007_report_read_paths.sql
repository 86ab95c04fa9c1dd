-- Report counters at two more grains, kept in the same transactions as daily_counts (storage/console/count-tables.ts):
-- a year's report by key sums months, a chart by day sums one row per station and day.
CREATE TABLE monthly_counts (
  metric text NOT NULL,
  month text NOT NULL,
  station_id text NOT NULL,
  key text NOT NULL,
  count bigint NOT NULL,
  total bigint NOT NULL,
  PRIMARY KEY (metric, month, station_id, key)
);

CREATE TABLE daily_totals (
  metric text NOT NULL,
  day text NOT NULL,
  station_id text NOT NULL,
  count bigint NOT NULL,
  total bigint NOT NULL,
  PRIMARY KEY (metric, day, station_id)
);

INSERT INTO monthly_counts (metric, month, station_id, key, count, total)
  SELECT metric, left(day, 7), station_id, key, sum(count), sum(total) FROM daily_counts GROUP BY metric, left(day, 7), station_id, key;
INSERT INTO daily_totals (metric, day, station_id, count, total)
  SELECT metric, day, station_id, sum(count), sum(total) FROM daily_counts GROUP BY metric, day, station_id;

-- The dashboard counts a community's requests by status (done and rated: most of them): with only the status
-- index, every one was looked up in the table for its station.
CREATE INDEX console_requests_station_status ON console_requests (station_id, status);
