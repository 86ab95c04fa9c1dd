import { auditEntry } from '../console/audit.ts';
import {
  CONSOLE_STATION_COLUMNS,
  type CommunityRow,
  type ConsoleStationRow,
  type SubdistrictRow,
  toCommunity,
  toConsoleStation,
  toSubdistrict,
} from '../console/rows.ts';
import type { ConsoleStorage } from '../console/types.ts';
import { StorageConflictError } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

type OrganisationMethods = Pick<
  ConsoleStorage,
  | 'listSubdistricts'
  | 'listCommunities'
  | 'listConsoleStations'
  | 'createSubdistrict'
  | 'updateSubdistrict'
  | 'createCommunity'
  | 'updateCommunity'
  | 'createConsoleStation'
  | 'updateConsoleStation'
>;

const isConflict = (error: unknown) => String((error as { code?: string }).code ?? '').startsWith('SQLITE_CONSTRAINT');

/** The organisation tree: subdistricts, communities, and which community each station belongs to. */
export const sqliteConsoleOrganisation = ({ db }: SqliteConnection): OrganisationMethods => {
  const subdistrict = (id: string) => db.prepare<[string], SubdistrictRow>('SELECT * FROM subdistricts WHERE id = ?').get(id);
  const community = (id: string) => db.prepare<[string], CommunityRow>('SELECT * FROM communities WHERE id = ?').get(id);
  const station = (id: string) => db.prepare<[string], ConsoleStationRow>(`SELECT ${CONSOLE_STATION_COLUMNS} FROM stations WHERE id = ?`).get(id);

  return {
    async listSubdistricts() {
      return db.prepare<[], SubdistrictRow>('SELECT * FROM subdistricts ORDER BY id').all().map(toSubdistrict);
    },
    async listCommunities() {
      return db.prepare<[], CommunityRow>('SELECT * FROM communities ORDER BY id').all().map(toCommunity);
    },
    async listConsoleStations() {
      return db.prepare<[], ConsoleStationRow>(`SELECT ${CONSOLE_STATION_COLUMNS} FROM stations ORDER BY id`).all().map(toConsoleStation);
    },

    async createSubdistrict({ id, name }, audit) {
      return db
        .transaction(() => {
          try {
            db.prepare('INSERT INTO subdistricts (id, name, created_at) VALUES (?, ?, ?)').run(id, JSON.stringify(name), audit.now.toISOString());
          } catch (error) {
            if (isConflict(error)) throw new StorageConflictError(`subdistrict ${id} exists`);
            throw error;
          }
          const created = toSubdistrict(subdistrict(id)!);
          writeAudit(db, auditEntry(audit, 'subdistrict.create', 'subdistrict', id, null, created));
          return created;
        })
        .immediate();
    },

    async updateSubdistrict(id, { name }, audit) {
      return db
        .transaction(() => {
          const before = subdistrict(id);
          if (!before) return null;
          db.prepare('UPDATE subdistricts SET name = ? WHERE id = ?').run(JSON.stringify(name), id);
          const after = toSubdistrict(subdistrict(id)!);
          writeAudit(db, auditEntry(audit, 'subdistrict.update', 'subdistrict', id, toSubdistrict(before), after));
          return after;
        })
        .immediate();
    },

    async createCommunity({ id, subdistrictId, name, targetHours }, audit) {
      return db
        .transaction(() => {
          try {
            db.prepare('INSERT INTO communities (id, subdistrict_id, name, target_hours, created_at) VALUES (?, ?, ?, ?, ?)').run(
              id,
              subdistrictId,
              JSON.stringify(name),
              targetHours,
              audit.now.toISOString(),
            );
          } catch (error) {
            if (isConflict(error)) throw new StorageConflictError(`community ${id} exists, or subdistrict ${subdistrictId} does not`);
            throw error;
          }
          const created = toCommunity(community(id)!);
          writeAudit(db, auditEntry(audit, 'community.create', 'community', id, null, created));
          return created;
        })
        .immediate();
    },

    async updateCommunity(id, patch, audit) {
      return db
        .transaction(() => {
          const before = community(id);
          if (!before) return null;
          db.prepare('UPDATE communities SET name = COALESCE(?, name), target_hours = COALESCE(?, target_hours) WHERE id = ?').run(
            patch.name ? JSON.stringify(patch.name) : null,
            patch.targetHours ?? null,
            id,
          );
          const after = toCommunity(community(id)!);
          writeAudit(db, auditEntry(audit, 'community.update', 'community', id, toCommunity(before), after));
          return after;
        })
        .immediate();
    },

    async createConsoleStation({ id, name, communityId }, audit) {
      return db
        .transaction(() => {
          try {
            db.prepare('INSERT INTO stations (id, name, community_id, created_at) VALUES (?, ?, ?, ?)').run(id, name, communityId, audit.now.toISOString());
          } catch (error) {
            if (isConflict(error)) throw new StorageConflictError(`station ${id} exists, or community ${communityId} does not`);
            throw error;
          }
          const created = toConsoleStation(station(id)!);
          writeAudit(db, auditEntry(audit, 'station.create', 'station', id, null, created));
          return created;
        })
        .immediate();
    },

    async updateConsoleStation(id, patch, audit) {
      return db
        .transaction(() => {
          const before = station(id);
          if (!before) return null;
          try {
            // A community change asks the station's next pull to start over (migration 008).
            db.prepare('UPDATE stations SET name = COALESCE(?, name), community_id = COALESCE(?, community_id), pull_reset = pull_reset OR (community_id IS NOT COALESCE(?, community_id)) WHERE id = ?').run(
              patch.name ?? null,
              patch.communityId ?? null,
              patch.communityId ?? null,
              id,
            );
          } catch (error) {
            if (isConflict(error)) throw new StorageConflictError(`community ${patch.communityId ?? ''} does not exist`);
            throw error;
          }
          const after = toConsoleStation(station(id)!);
          writeAudit(db, auditEntry(audit, 'station.update', 'station', id, toConsoleStation(before), after));
          return after;
        })
        .immediate();
    },
  };
};
