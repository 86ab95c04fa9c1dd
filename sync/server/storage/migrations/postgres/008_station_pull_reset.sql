-- A station moved to another community sees other items than it has: its next pull from a cursor starts over
-- (the answer says reset), so it gets the new community's items published before the move and drops the old
-- one's. Set when community_id changes, cleared when the station next reads from the start.
ALTER TABLE stations ADD COLUMN pull_reset boolean NOT NULL DEFAULT false;
