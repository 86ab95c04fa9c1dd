-- Enrolment survives a lost answer: the install that redeemed a code may redeem it again, and gets the same
-- token back, until that token is first used. The token is kept only sealed with a key derived from the
-- install's id, which the server never stores (install_hash is a SHA-256 of it).
ALTER TABLE enrolment_codes ADD COLUMN install_hash TEXT;
ALTER TABLE enrolment_codes ADD COLUMN issued_token_hash TEXT;
ALTER TABLE enrolment_codes ADD COLUMN sealed_token TEXT;
-- 1 from an enrolment until its token is first used.
ALTER TABLE stations ADD COLUMN enrolment_pending INTEGER NOT NULL DEFAULT 0;

-- Rate limits shared by every server process: hits of one key in its current fixed window.
CREATE TABLE rate_limits (
  key TEXT PRIMARY KEY,
  hits INTEGER NOT NULL,
  resets_at TEXT NOT NULL
);
CREATE INDEX rate_limits_resets ON rate_limits (resets_at);
