-- When a heartbeat was sent, on the server's clock (the tablet's sentAt less the clock offset it measured, never
-- after its receipt), so a heartbeat delivered late or twice (a retransmit, a stalled proxy) never replaces a
-- newer one on the health board. NULL when the tablet had not measured its clock: such a beat is taken as it comes.
ALTER TABLE heartbeats ADD COLUMN sent_ms INTEGER;
