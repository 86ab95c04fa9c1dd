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
import type { Client, PostgresConnection } from './connection.ts';
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

/** Unique (23505) or foreign key (23503) violations: a conflict the caller reports. */
export const conflictOn = async <T>(message: string, run: () => Promise<T>): Promise<T> => {
  try {
    return await run();
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === '23505' || code === '23503') throw new StorageConflictError(message);
    throw error;
  }
};

/** The organisation tree: subdistricts, communities, and which community each station belongs to. */
export const postgresConsoleOrganisation = ({ pool, transaction }: PostgresConnection): OrganisationMethods => {
  const subdistrict = async (client: Client, id: string) => (await client.query<SubdistrictRow>('SELECT * FROM subdistricts WHERE id = $1 FOR UPDATE', [id])).rows[0];
  const community = async (client: Client, id: string) => (await client.query<CommunityRow>('SELECT * FROM communities WHERE id = $1 FOR UPDATE', [id])).rows[0];
  const station = async (client: Client, id: string) =>
    (await client.query<ConsoleStationRow>(`SELECT ${CONSOLE_STATION_COLUMNS} FROM stations WHERE id = $1 FOR UPDATE`, [id])).rows[0];

  return {
    async listSubdistricts() {
      return (await pool.query<SubdistrictRow>('SELECT * FROM subdistricts ORDER BY id')).rows.map(toSubdistrict);
    },
    async listCommunities() {
      return (await pool.query<CommunityRow>('SELECT * FROM communities ORDER BY id')).rows.map(toCommunity);
    },
    async listConsoleStations() {
      return (await pool.query<ConsoleStationRow>(`SELECT ${CONSOLE_STATION_COLUMNS} FROM stations ORDER BY id`)).rows.map(toConsoleStation);
    },

    async createSubdistrict({ id, name }, audit) {
      return conflictOn(`subdistrict ${id} exists`, () =>
        transaction(async (client) => {
          await client.query('INSERT INTO subdistricts (id, name, created_at) VALUES ($1, $2, $3)', [id, JSON.stringify(name), audit.now]);
          const created = toSubdistrict((await subdistrict(client, id))!);
          await writeAudit(client, auditEntry(audit, 'subdistrict.create', 'subdistrict', id, null, created));
          return created;
        }),
      );
    },

    async updateSubdistrict(id, { name }, audit) {
      return transaction(async (client) => {
        const before = await subdistrict(client, id);
        if (!before) return null;
        await client.query('UPDATE subdistricts SET name = $1 WHERE id = $2', [JSON.stringify(name), id]);
        const after = toSubdistrict((await subdistrict(client, id))!);
        await writeAudit(client, auditEntry(audit, 'subdistrict.update', 'subdistrict', id, toSubdistrict(before), after));
        return after;
      });
    },

    async createCommunity({ id, subdistrictId, name, targetHours }, audit) {
      return conflictOn(`community ${id} exists, or subdistrict ${subdistrictId} does not`, () =>
        transaction(async (client) => {
          await client.query('INSERT INTO communities (id, subdistrict_id, name, target_hours, created_at) VALUES ($1, $2, $3, $4, $5)', [
            id,
            subdistrictId,
            JSON.stringify(name),
            targetHours,
            audit.now,
          ]);
          const created = toCommunity((await community(client, id))!);
          await writeAudit(client, auditEntry(audit, 'community.create', 'community', id, null, created));
          return created;
        }),
      );
    },

    async updateCommunity(id, patch, audit) {
      return transaction(async (client) => {
        const before = await community(client, id);
        if (!before) return null;
        await client.query('UPDATE communities SET name = COALESCE($1, name), target_hours = COALESCE($2, target_hours) WHERE id = $3', [
          patch.name ? JSON.stringify(patch.name) : null,
          patch.targetHours ?? null,
          id,
        ]);
        const after = toCommunity((await community(client, id))!);
        await writeAudit(client, auditEntry(audit, 'community.update', 'community', id, toCommunity(before), after));
        return after;
      });
    },

    async createConsoleStation({ id, name, communityId }, audit) {
      return conflictOn(`station ${id} exists, or community ${communityId} does not`, () =>
        transaction(async (client) => {
          await client.query('INSERT INTO stations (id, name, community_id, created_at) VALUES ($1, $2, $3, $4)', [id, name, communityId, audit.now]);
          const created = toConsoleStation((await station(client, id))!);
          await writeAudit(client, auditEntry(audit, 'station.create', 'station', id, null, created));
          return created;
        }),
      );
    },

    async updateConsoleStation(id, patch, audit) {
      return conflictOn(`community ${patch.communityId ?? ''} does not exist`, () =>
        transaction(async (client) => {
          const before = await station(client, id);
          if (!before) return null;
          // A community change asks the station's next pull to start over (migration 008).
          await client.query(
            'UPDATE stations SET name = COALESCE($1, name), community_id = COALESCE($2, community_id), pull_reset = pull_reset OR (community_id IS DISTINCT FROM COALESCE($2, community_id)) WHERE id = $3',
            [patch.name ?? null, patch.communityId ?? null, id],
          );
          const after = toConsoleStation((await station(client, id))!);
          await writeAudit(client, auditEntry(audit, 'station.update', 'station', id, toConsoleStation(before), after));
          return after;
        }),
      );
    },
  };
};
