-- Stations and their credentials: only SHA-256 hashes of tokens and enrolment codes are kept.
CREATE TABLE stations (
  id text PRIMARY KEY,
  name text NOT NULL,
  token_hash text UNIQUE,
  prev_token_hash text UNIQUE,
  token_issued_at timestamptz,
  revoked_at timestamptz,
  created_at timestamptz NOT NULL
);

CREATE TABLE enrolment_codes (
  code_hash text PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (id),
  expires_at timestamptz NOT NULL,
  used_at timestamptz,
  created_at timestamptz NOT NULL
);
CREATE INDEX enrolment_codes_station ON enrolment_codes (station_id);

-- How far each (station, outbox epoch) has been applied: seq 1 … applied_seq, contiguous.
CREATE TABLE push_state (
  station_id text NOT NULL REFERENCES stations (id),
  epoch text NOT NULL,
  applied_seq bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (station_id, epoch)
);

-- Kiosk-born records, one row per record id, whatever epoch first brought it. payload is the JSON text as
-- validated (text, not jsonb: kept byte for byte, and cheaper to ingest).
CREATE TABLE records (
  id text PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (id),
  epoch text NOT NULL,
  seq bigint NOT NULL,
  kind text NOT NULL,
  v integer NOT NULL,
  at text NOT NULL,
  payload text NOT NULL,
  received_at timestamptz NOT NULL,
  personal_purged_at timestamptz
);
CREATE INDEX records_station_epoch_seq ON records (station_id, epoch, seq);
CREATE INDEX records_unpurged ON records (received_at) WHERE personal_purged_at IS NULL;

-- Entries that can never be accepted: acknowledged to the kiosk, kept here with their reason.
CREATE TABLE dead_letters (
  station_id text NOT NULL REFERENCES stations (id),
  epoch text NOT NULL,
  seq bigint NOT NULL,
  record_id text,
  kind text,
  reason text NOT NULL,
  detail text,
  payload text,
  received_at timestamptz NOT NULL,
  PRIMARY KEY (station_id, epoch, seq)
);
CREATE INDEX dead_letters_received ON dead_letters (received_at) WHERE payload IS NOT NULL;

-- The server's status of each request: the fold, in the server's order, of kiosk and centre events.
CREATE TABLE requests (
  id text PRIMARY KEY,
  station_id text NOT NULL REFERENCES stations (id),
  status text,
  updated_at timestamptz NOT NULL
);

-- Centre-born data: the latest version of each entry, stamped with the change sequence that wrote it.
-- A delete leaves a tombstone (deleted) until purged below the horizon. scope is '*' or a station id.
-- seq comes from the counters row 'change_seq', locked until commit: see postgres.ts (nextChangeSeqs).
CREATE TABLE centre_entries (
  collection text NOT NULL,
  scope text NOT NULL,
  id text NOT NULL,
  value text,
  deleted boolean NOT NULL DEFAULT false,
  seq bigint NOT NULL UNIQUE,
  updated_at timestamptz NOT NULL,
  PRIMARY KEY (collection, scope, id)
);
CREATE INDEX centre_entries_scope_seq ON centre_entries (scope, seq);
CREATE INDEX centre_entries_tombstones ON centre_entries (updated_at) WHERE deleted;

CREATE TABLE counters (
  name text PRIMARY KEY,
  value bigint NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('tombstone_horizon', 0);

CREATE TABLE heartbeats (
  station_id text PRIMARY KEY REFERENCES stations (id),
  app_version text NOT NULL,
  records_waiting bigint NOT NULL,
  storage_used bigint,
  storage_quota bigint,
  last_error text,
  clock_offset_ms bigint,
  sent_at text NOT NULL,
  received_at timestamptz NOT NULL
);
