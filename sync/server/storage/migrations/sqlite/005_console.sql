-- The community console (issue 10): the organisation tree, staff and their sessions, the audit log, the
-- console's views of requests, counters for reports, service projects, reviews of hours and of dead letters.
-- Instants are ISO 8601 UTC text ('…Z'), so they sort and compare as text.

CREATE TABLE subdistricts (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  created_at TEXT NOT NULL
);

CREATE TABLE communities (
  id TEXT PRIMARY KEY,
  subdistrict_id TEXT NOT NULL REFERENCES subdistricts (id),
  name TEXT NOT NULL,
  target_hours INTEGER NOT NULL,
  created_at TEXT NOT NULL
);
CREATE INDEX communities_subdistrict ON communities (subdistrict_id);

-- A station reads its community's scope ('community:<id>') besides the district's and its own.
ALTER TABLE stations ADD COLUMN community_id TEXT REFERENCES communities (id);
CREATE INDEX stations_community ON stations (community_id);

-- When a station came back online: kept by the heartbeat, for the health board.
ALTER TABLE heartbeats ADD COLUMN online_since TEXT;

-- Staff accounts. role: district-admin | subdistrict-staff | community-staff | unit-lead, with where it holds.
CREATE TABLE staff (
  id TEXT PRIMARY KEY,
  login TEXT NOT NULL UNIQUE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  subdistrict_id TEXT REFERENCES subdistricts (id),
  community_id TEXT REFERENCES communities (id),
  unit_id TEXT,
  password_hash TEXT NOT NULL,
  disabled_at TEXT,
  created_at TEXT NOT NULL,
  last_login_at TEXT
);

-- Sessions: the cookie holds a random token, the database only its SHA-256.
CREATE TABLE staff_sessions (
  token_hash TEXT PRIMARY KEY,
  staff_id TEXT NOT NULL REFERENCES staff (id),
  csrf_token TEXT NOT NULL,
  created_at TEXT NOT NULL,
  last_seen_at TEXT NOT NULL,
  idle_expires_at TEXT NOT NULL,
  expires_at TEXT NOT NULL,
  ip TEXT,
  user_agent TEXT
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_expiry ON staff_sessions (idle_expires_at);

-- Failed logins per login name (whether or not it exists), and the lockout they led to.
CREATE TABLE login_failures (
  login TEXT PRIMARY KEY,
  failures INTEGER NOT NULL,
  window_started_at TEXT NOT NULL,
  locked_until TEXT
);

-- Fixed-window counters shared by every server process (login attempts per client address).
CREATE TABLE rate_windows (
  key TEXT PRIMARY KEY,
  window_started_at TEXT NOT NULL,
  hits INTEGER NOT NULL
);

-- Append-only: who did what, when, and the object before and after (JSON text).
CREATE TABLE audit_log (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  at TEXT NOT NULL,
  staff_id TEXT,
  staff_login TEXT,
  staff_name TEXT,
  action TEXT NOT NULL,
  target_type TEXT NOT NULL,
  target_id TEXT,
  before TEXT,
  after TEXT,
  ip TEXT
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_staff ON audit_log (staff_id, id);

-- The console's view of each request, kept in the transaction that changes it (push, a centre step).
CREATE TABLE console_requests (
  id TEXT PRIMARY KEY REFERENCES requests (id),
  station_id TEXT NOT NULL,
  number TEXT NOT NULL,
  kind TEXT NOT NULL,
  category TEXT NOT NULL,
  status TEXT,
  submitted_at TEXT NOT NULL,
  updated_at TEXT NOT NULL,
  dispatched_to TEXT,
  dispatched_unit TEXT,
  taken_by TEXT,
  rating INTEGER,
  done_at TEXT
);
CREATE INDEX console_requests_submitted ON console_requests (submitted_at, id);
CREATE INDEX console_requests_station ON console_requests (station_id, submitted_at, id);
CREATE INDEX console_requests_status ON console_requests (status, submitted_at, id);
CREATE INDEX console_requests_number ON console_requests (number);
CREATE INDEX console_requests_unit ON console_requests (dispatched_unit, submitted_at, id);

-- Every applied request event, from a kiosk or the centre, in the server's order (seq), with the staff member
-- who took a centre step.
CREATE TABLE console_request_events (
  seq INTEGER PRIMARY KEY AUTOINCREMENT,
  id TEXT NOT NULL UNIQUE,
  request_id TEXT NOT NULL,
  at TEXT NOT NULL,
  received_at TEXT NOT NULL,
  source TEXT NOT NULL,
  event TEXT NOT NULL,
  staff_id TEXT
);
CREATE INDEX console_request_events_request ON console_request_events (request_id, seq);

-- Referrals and their outcome, so an outcome counts once, against the referral's service and day.
CREATE TABLE console_referrals (
  id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  service_id TEXT NOT NULL,
  day TEXT NOT NULL,
  outcome TEXT
);

-- Report counters, incremented as records arrive: (metric, local day, station, key) → count and a sum.
CREATE TABLE daily_counts (
  metric TEXT NOT NULL,
  day TEXT NOT NULL,
  station_id TEXT NOT NULL,
  key TEXT NOT NULL,
  count INTEGER NOT NULL,
  total INTEGER NOT NULL,
  PRIMARY KEY (metric, day, station_id, key)
);

-- Shift events, by the instant they happened (ms), for hours computed per month.
CREATE TABLE shift_events (
  id TEXT PRIMARY KEY,
  station_id TEXT NOT NULL,
  at_ms INTEGER NOT NULL,
  payload TEXT NOT NULL
);
CREATE INDEX shift_events_at ON shift_events (at_ms, station_id);
CREATE INDEX shift_events_station_at ON shift_events (station_id, at_ms);

-- Staff decisions on shifts (approve, correct, decline); the latest per sign-in counts, none is deleted.
CREATE TABLE hours_reviews (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  sign_in_id TEXT NOT NULL,
  station_id TEXT NOT NULL,
  decision TEXT NOT NULL,
  start_at TEXT,
  end_at TEXT,
  reason TEXT NOT NULL,
  at TEXT NOT NULL,
  staff_id TEXT
);
CREATE INDEX hours_reviews_sign_in ON hours_reviews (sign_in_id, id);

-- The per-visit log export reads visits by station and time.
CREATE INDEX records_visits ON records (station_id, at) WHERE kind = 'visit';

CREATE TABLE projects (
  id TEXT PRIMARY KEY,
  community_id TEXT NOT NULL REFERENCES communities (id),
  title TEXT NOT NULL,
  description TEXT NOT NULL,
  status TEXT NOT NULL,
  created_at TEXT NOT NULL,
  completed_at TEXT,
  version INTEGER NOT NULL
);
CREATE INDEX projects_community ON projects (community_id, status);
CREATE TABLE project_requests (
  project_id TEXT NOT NULL REFERENCES projects (id),
  request_id TEXT NOT NULL,
  PRIMARY KEY (project_id, request_id)
);
CREATE INDEX project_requests_request ON project_requests (request_id);
CREATE TABLE project_members (
  project_id TEXT NOT NULL REFERENCES projects (id),
  member_id TEXT NOT NULL,
  PRIMARY KEY (project_id, member_id)
);

CREATE TABLE dead_letter_reviews (
  station_id TEXT NOT NULL,
  epoch TEXT NOT NULL,
  seq INTEGER NOT NULL,
  resolved_at TEXT NOT NULL,
  staff_id TEXT,
  note TEXT NOT NULL,
  PRIMARY KEY (station_id, epoch, seq)
);

CREATE TABLE rotation_templates (
  station_id TEXT PRIMARY KEY REFERENCES stations (id),
  template TEXT NOT NULL,
  version INTEGER NOT NULL,
  updated_at TEXT NOT NULL
);
