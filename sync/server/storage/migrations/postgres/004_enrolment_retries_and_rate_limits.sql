-- Enrolment survives a lost answer: the install that redeemed a code may redeem it again, and gets the same
-- token back, until that token is first used. The token is kept only sealed with a key derived from the
-- install's id, which the server never stores (install_hash is a SHA-256 of it).
ALTER TABLE enrolment_codes ADD COLUMN install_hash text;
ALTER TABLE enrolment_codes ADD COLUMN issued_token_hash text;
ALTER TABLE enrolment_codes ADD COLUMN sealed_token text;
-- True from an enrolment until its token is first used.
ALTER TABLE stations ADD COLUMN enrolment_pending boolean NOT NULL DEFAULT false;

-- Rate limits shared by every server process: hits of one key in its current fixed window. Unlogged: counters
-- write no WAL (one write per request), and a crash that empties them only forgives a minute of requests.
CREATE UNLOGGED TABLE rate_limits (
  key text PRIMARY KEY,
  hits integer NOT NULL,
  resets_at timestamptz NOT NULL
);
CREATE INDEX rate_limits_resets ON rate_limits (resets_at);
