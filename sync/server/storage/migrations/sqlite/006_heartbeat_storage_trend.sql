-- How fast a tablet's storage grows (bytes a day over its last 30 days, as the kiosk measured it), so the
-- console can say which station fills up first. NULL from kiosks that do not send it yet.
ALTER TABLE heartbeats ADD COLUMN storage_growth_per_day INTEGER;
