-- How many records the centre refused that still wait for a technician at the tablet (a lost volunteer race is
-- not among them), as the kiosk counts them: the health board names the stations whose status line says
-- "待工作人员核对" to residents. NULL from kiosks that do not send it yet.
ALTER TABLE heartbeats ADD COLUMN dead_letters INTEGER;
