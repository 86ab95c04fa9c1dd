-- Stations and their credentials: only SHA-256 hashes of tokens and enrolment codes are kept.
CREATE TABLE stations (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  token_hash TEXT UNIQUE,
  prev_token_hash TEXT UNIQUE,
  token_issued_at TEXT,
  revoked_at TEXT,
  created_at TEXT NOT NULL
);

CREATE TABLE enrolment_codes (
  code_hash TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES stations (id),
  expires_at TEXT NOT NULL,
  used_at TEXT,
  created_at TEXT NOT NULL
);
CREATE INDEX enrolment_codes_station ON enrolment_codes (station_id);

-- How far each (station, outbox epoch) has been applied: seq 1 … applied_seq, contiguous.
CREATE TABLE push_state (
  station_id TEXT NOT NULL REFERENCES stations (id),
  epoch TEXT NOT NULL,
  applied_seq INTEGER NOT NULL DEFAULT 0,
  created_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (station_id, epoch)
);

-- Kiosk-born records, one row per record id, whatever epoch first brought it.
CREATE TABLE records (
  id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES stations (id),
  epoch TEXT NOT NULL,
  seq INTEGER NOT NULL,
  kind TEXT NOT NULL,
  v INTEGER NOT NULL,
  at TEXT NOT NULL,
  payload TEXT NOT NULL,
  received_at TEXT NOT NULL,
  personal_purged_at TEXT
);
CREATE INDEX records_station_epoch_seq ON records (station_id, epoch, seq);
CREATE INDEX records_unpurged ON records (received_at) WHERE personal_purged_at IS NULL;

-- Entries that can never be accepted: acknowledged to the kiosk, kept here with their reason.
CREATE TABLE dead_letters (
  station_id TEXT NOT NULL REFERENCES stations (id),
  epoch TEXT NOT NULL,
  seq INTEGER NOT NULL,
  record_id TEXT,
  kind TEXT,
  reason TEXT NOT NULL,
  detail TEXT,
  payload TEXT,
  received_at TEXT NOT NULL,
  PRIMARY KEY (station_id, epoch, seq)
);
CREATE INDEX dead_letters_received ON dead_letters (received_at) WHERE payload IS NOT NULL;

-- The server's status of each request: the fold, in the server's order, of kiosk and centre events.
CREATE TABLE requests (
  id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL REFERENCES stations (id),
  status TEXT,
  updated_at TEXT NOT NULL
);

-- Centre-born data: the latest version of each entry, stamped with the change sequence that wrote it.
-- A delete leaves a tombstone (deleted = 1) until purged below the horizon. scope is '*' or a station id.
CREATE TABLE centre_entries (
  collection TEXT NOT NULL,
  scope TEXT NOT NULL,
  id TEXT NOT NULL,
  value TEXT,
  deleted INTEGER NOT NULL DEFAULT 0,
  seq INTEGER NOT NULL UNIQUE,
  updated_at TEXT NOT NULL,
  PRIMARY KEY (collection, scope, id)
);
CREATE INDEX centre_entries_scope_seq ON centre_entries (scope, seq);
CREATE INDEX centre_entries_tombstones ON centre_entries (updated_at) WHERE deleted = 1;

-- change_seq: the last change sequence handed out; tombstone_horizon: cursors below it must reset.
CREATE TABLE counters (
  name TEXT PRIMARY KEY,
  value INTEGER NOT NULL
);
INSERT INTO counters (name, value) VALUES ('change_seq', 0), ('tombstone_horizon', 0);

-- The latest heartbeat of each station.
CREATE TABLE heartbeats (
  station_id TEXT PRIMARY KEY REFERENCES stations (id),
  app_version TEXT NOT NULL,
  records_waiting INTEGER NOT NULL,
  storage_used INTEGER,
  storage_quota INTEGER,
  last_error TEXT,
  clock_offset_ms INTEGER,
  sent_at TEXT NOT NULL,
  received_at TEXT NOT NULL
);
