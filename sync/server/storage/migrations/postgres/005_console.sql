-- The community console (issue 10): the organisation tree, staff and their sessions, the audit log, the
-- console's views of requests, counters for reports, service projects, reviews of hours and of dead letters.
-- Instants are timestamptz.

CREATE TABLE subdistricts (
  id text PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL
);

CREATE TABLE communities (
  id text PRIMARY KEY,
  subdistrict_id text NOT NULL REFERENCES subdistricts (id),
  name text NOT NULL,
  target_hours integer NOT NULL,
  created_at timestamptz NOT NULL
);
CREATE INDEX communities_subdistrict ON communities (subdistrict_id);

-- A station reads its community's scope ('community:<id>') besides the district's and its own.
ALTER TABLE stations ADD COLUMN community_id text REFERENCES communities (id);
CREATE INDEX stations_community ON stations (community_id);

-- When a station came back online: kept by the heartbeat, for the health board.
ALTER TABLE heartbeats ADD COLUMN online_since timestamptz;

-- Staff accounts. role: district-admin | subdistrict-staff | community-staff | unit-lead, with where it holds.
CREATE TABLE staff (
  id text PRIMARY KEY,
  login text NOT NULL UNIQUE,
  name text NOT NULL,
  role text NOT NULL,
  subdistrict_id text REFERENCES subdistricts (id),
  community_id text REFERENCES communities (id),
  unit_id text,
  password_hash text NOT NULL,
  disabled_at timestamptz,
  created_at timestamptz NOT NULL,
  last_login_at timestamptz
);

-- Sessions: the cookie holds a random token, the database only its SHA-256.
CREATE TABLE staff_sessions (
  token_hash text PRIMARY KEY,
  staff_id text NOT NULL REFERENCES staff (id),
  csrf_token text NOT NULL,
  created_at timestamptz NOT NULL,
  last_seen_at timestamptz NOT NULL,
  idle_expires_at timestamptz NOT NULL,
  expires_at timestamptz NOT NULL,
  ip text,
  user_agent text
);
CREATE INDEX staff_sessions_staff ON staff_sessions (staff_id);
CREATE INDEX staff_sessions_expiry ON staff_sessions (idle_expires_at);

-- Failed logins per login name (whether or not it exists), and the lockout they led to.
CREATE TABLE login_failures (
  login text PRIMARY KEY,
  failures integer NOT NULL,
  window_started_at timestamptz NOT NULL,
  locked_until timestamptz
);

-- Fixed-window counters shared by every server process (login attempts per client address).
CREATE TABLE rate_windows (
  key text PRIMARY KEY,
  window_started_at timestamptz NOT NULL,
  hits integer NOT NULL
);

-- Append-only: who did what, when, and the object before and after (JSON text).
CREATE TABLE audit_log (
  id bigserial PRIMARY KEY,
  at timestamptz NOT NULL,
  staff_id text,
  staff_login text,
  staff_name text,
  action text NOT NULL,
  target_type text NOT NULL,
  target_id text,
  before text,
  after text,
  ip text
);
CREATE INDEX audit_log_at ON audit_log (at);
CREATE INDEX audit_log_staff ON audit_log (staff_id, id);

-- The console's view of each request, kept in the transaction that changes it (push, a centre step).
CREATE TABLE console_requests (
  id text PRIMARY KEY REFERENCES requests (id),
  station_id text NOT NULL,
  number text NOT NULL,
  kind text NOT NULL,
  category text NOT NULL,
  status text,
  submitted_at timestamptz NOT NULL,
  updated_at timestamptz NOT NULL,
  dispatched_to text,
  dispatched_unit text,
  taken_by text,
  rating integer,
  done_at timestamptz
);
CREATE INDEX console_requests_submitted ON console_requests (submitted_at, id);
CREATE INDEX console_requests_station ON console_requests (station_id, submitted_at, id);
CREATE INDEX console_requests_status ON console_requests (status, submitted_at, id);
CREATE INDEX console_requests_number ON console_requests (number);
CREATE INDEX console_requests_unit ON console_requests (dispatched_unit, submitted_at, id);

-- Every applied request event, from a kiosk or the centre, in the server's order (seq), with the staff member
-- who took a centre step.
CREATE TABLE console_request_events (
  seq bigserial PRIMARY KEY,
  id text NOT NULL UNIQUE,
  request_id text NOT NULL,
  at timestamptz NOT NULL,
  received_at timestamptz NOT NULL,
  source text NOT NULL,
  event text NOT NULL,
  staff_id text
);
CREATE INDEX console_request_events_request ON console_request_events (request_id, seq);

-- Referrals and their outcome, so an outcome counts once, against the referral's service and day.
CREATE TABLE console_referrals (
  id text PRIMARY KEY,
  station_id text NOT NULL,
  service_id text NOT NULL,
  day text NOT NULL,
  outcome text
);

-- Report counters, incremented as records arrive: (metric, local day, station, key) → count and a sum.
CREATE TABLE daily_counts (
  metric text NOT NULL,
  day text NOT NULL,
  station_id text NOT NULL,
  key text NOT NULL,
  count integer NOT NULL,
  total integer NOT NULL,
  PRIMARY KEY (metric, day, station_id, key)
);

-- Shift events, by the instant they happened (ms), for hours computed per month.
CREATE TABLE shift_events (
  id text PRIMARY KEY,
  station_id text NOT NULL,
  at_ms bigint NOT NULL,
  payload text NOT NULL
);
CREATE INDEX shift_events_at ON shift_events (at_ms, station_id);
CREATE INDEX shift_events_station_at ON shift_events (station_id, at_ms);

-- Staff decisions on shifts (approve, correct, decline); the latest per sign-in counts, none is deleted.
CREATE TABLE hours_reviews (
  id bigserial PRIMARY KEY,
  sign_in_id text NOT NULL,
  station_id text NOT NULL,
  decision text NOT NULL,
  start_at timestamptz,
  end_at timestamptz,
  reason text NOT NULL,
  at timestamptz NOT NULL,
  staff_id text
);
CREATE INDEX hours_reviews_sign_in ON hours_reviews (sign_in_id, id);

-- The per-visit log export reads visits by station and time.
CREATE INDEX records_visits ON records (station_id, at) WHERE kind = 'visit';

CREATE TABLE projects (
  id text PRIMARY KEY,
  community_id text NOT NULL REFERENCES communities (id),
  title text NOT NULL,
  description text NOT NULL,
  status text NOT NULL,
  created_at timestamptz NOT NULL,
  completed_at timestamptz,
  version integer NOT NULL
);
CREATE INDEX projects_community ON projects (community_id, status);
CREATE TABLE project_requests (
  project_id text NOT NULL REFERENCES projects (id),
  request_id text NOT NULL,
  PRIMARY KEY (project_id, request_id)
);
CREATE INDEX project_requests_request ON project_requests (request_id);
CREATE TABLE project_members (
  project_id text NOT NULL REFERENCES projects (id),
  member_id text NOT NULL,
  PRIMARY KEY (project_id, member_id)
);

CREATE TABLE dead_letter_reviews (
  station_id text NOT NULL,
  epoch text NOT NULL,
  seq bigint NOT NULL,
  resolved_at timestamptz NOT NULL,
  staff_id text,
  note text NOT NULL,
  PRIMARY KEY (station_id, epoch, seq)
);

CREATE TABLE rotation_templates (
  station_id text PRIMARY KEY REFERENCES stations (id),
  template text NOT NULL,
  version integer NOT NULL,
  updated_at timestamptz NOT NULL
);
