import { type Storage, StorageConflictError } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { type StationRow, toStation } from './rows.ts';

type StationMethods = Pick<
  Storage,
  'createStation' | 'getStation' | 'listStations' | 'createEnrolmentCode' | 'redeemEnrolmentCode' | 'authenticate' | 'setToken' | 'revokeStation'
>;

/** Stations and their credentials: enrolment codes, tokens (hashes only), rotation and revocation. */
export const sqliteStations = ({ db }: SqliteConnection): StationMethods => {
  const stationById = (id: string) => db.prepare<[string], StationRow>('SELECT * FROM stations WHERE id = ?').get(id);

  return {
    async createStation({ id, name, now }) {
      try {
        db.prepare('INSERT INTO stations (id, name, created_at) VALUES (?, ?, ?)').run(id, name, now.toISOString());
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StorageConflictError(`station ${id} exists`);
        throw error;
      }
      return toStation(stationById(id)!);
    },

    async getStation(id) {
      const row = stationById(id);
      return row ? toStation(row) : null;
    },

    async listStations() {
      return db.prepare<[], StationRow>('SELECT * FROM stations ORDER BY id').all().map(toStation);
    },

    async createEnrolmentCode({ stationId, codeHash, expiresAt, now }) {
      db.prepare('INSERT INTO enrolment_codes (code_hash, station_id, expires_at, created_at) VALUES (?, ?, ?, ?)').run(
        codeHash,
        stationId,
        expiresAt.toISOString(),
        now.toISOString(),
      );
    },

    async redeemEnrolmentCode({ codeHash, tokenHash, now }) {
      return db
        .transaction(() => {
          const at = now.toISOString();
          const code = db
            .prepare<[string, string], { station_id: string }>('SELECT station_id FROM enrolment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
            .get(codeHash, at);
          if (!code) return null;
          db.prepare('UPDATE enrolment_codes SET used_at = ? WHERE code_hash = ?').run(at, codeHash);
          db.prepare('UPDATE stations SET token_hash = ?, prev_token_hash = NULL, token_issued_at = ?, revoked_at = NULL WHERE id = ?').run(tokenHash, at, code.station_id);
          return toStation(stationById(code.station_id)!);
        })
        .immediate();
    },

    async authenticate(tokenHash) {
      const row = db
        .prepare<[string, string], StationRow>('SELECT * FROM stations WHERE (token_hash = ? OR prev_token_hash = ?) AND revoked_at IS NULL')
        .get(tokenHash, tokenHash);
      if (!row) return null;
      // The new token of a rotation is in use: the old one has served its purpose.
      if (row.token_hash === tokenHash && row.prev_token_hash !== null) {
        db.prepare('UPDATE stations SET prev_token_hash = NULL WHERE id = ? AND token_hash = ?').run(row.id, tokenHash);
      }
      return toStation(row);
    },

    async setToken({ stationId, tokenHash, previousHash, now }) {
      const result = db
        .prepare('UPDATE stations SET token_hash = ?, prev_token_hash = ?, token_issued_at = ? WHERE id = ? AND revoked_at IS NULL')
        .run(tokenHash, previousHash, now.toISOString(), stationId);
      return result.changes === 1;
    },

    async revokeStation({ stationId, now }) {
      return db
        .transaction(() => {
          const at = now.toISOString();
          const result = db.prepare('UPDATE stations SET revoked_at = ?, token_hash = NULL, prev_token_hash = NULL WHERE id = ?').run(at, stationId);
          db.prepare('UPDATE enrolment_codes SET expires_at = ? WHERE station_id = ? AND used_at IS NULL AND expires_at > ?').run(at, stationId, at);
          return result.changes === 1;
        })
        .immediate();
    },
  };
};
