import { type Storage, StorageConflictError } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { type StationRow, toStation } from './rows.ts';

type StationMethods = Pick<
  Storage,
  'createStation' | 'getStation' | 'listStations' | 'createEnrolmentCode' | 'redeemEnrolmentCode' | 'reclaimEnrolment' | 'authenticate' | 'setToken' | 'revokeStation'
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
      try {
        db.prepare('INSERT INTO enrolment_codes (code_hash, station_id, expires_at, created_at) VALUES (?, ?, ?, ?)').run(
          codeHash,
          stationId,
          expiresAt.toISOString(),
          now.toISOString(),
        );
      } catch (error) {
        if ((error as { code?: string }).code === 'SQLITE_CONSTRAINT_PRIMARYKEY') throw new StorageConflictError('that enrolment code exists');
        throw error;
      }
    },

    async redeemEnrolmentCode({ codeHash, tokenHash, now, install = null }) {
      return db
        .transaction(() => {
          const at = now.toISOString();
          const code = db
            .prepare<[string, string], { station_id: string }>('SELECT station_id FROM enrolment_codes WHERE code_hash = ? AND used_at IS NULL AND expires_at > ?')
            .get(codeHash, at);
          if (!code) return null;
          db.prepare('UPDATE enrolment_codes SET used_at = ?, install_hash = ?, issued_token_hash = ?, sealed_token = ? WHERE code_hash = ?').run(
            at,
            install?.installHash ?? null,
            tokenHash,
            install?.sealedToken ?? null,
            codeHash,
          );
          db.prepare('UPDATE stations SET token_hash = ?, prev_token_hash = NULL, token_issued_at = ?, revoked_at = NULL, enrolment_pending = 1 WHERE id = ?').run(
            tokenHash,
            at,
            code.station_id,
          );
          return toStation(stationById(code.station_id)!);
        })
        .immediate();
    },

    async reclaimEnrolment({ codeHash, installHash }) {
      const row = db
        .prepare<[string, string], StationRow & { sealed_token: string }>(
          `SELECT s.*, c.sealed_token FROM enrolment_codes c JOIN stations s ON s.id = c.station_id
           WHERE c.code_hash = ? AND c.install_hash = ? AND c.sealed_token IS NOT NULL
             AND s.token_hash = c.issued_token_hash AND s.enrolment_pending = 1 AND s.revoked_at IS NULL`,
        )
        .get(codeHash, installHash);
      return row ? { station: toStation(row), sealedToken: row.sealed_token } : null;
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
      // The tablet holds its enrolment's token: no retry of that enrolment can be needed any more.
      if (row.token_hash === tokenHash && row.enrolment_pending) {
        db.transaction(() => {
          db.prepare('UPDATE stations SET enrolment_pending = 0 WHERE id = ? AND token_hash = ?').run(row.id, tokenHash);
          db.prepare('UPDATE enrolment_codes SET sealed_token = NULL WHERE station_id = ? AND sealed_token IS NOT NULL').run(row.id);
        })();
        return toStation({ ...row, enrolment_pending: 0 });
      }
      return toStation(row);
    },

    async setToken({ stationId, tokenHash, previousHash, now }) {
      const result = db
        .prepare('UPDATE stations SET token_hash = ?, prev_token_hash = ?, token_issued_at = ?, enrolment_pending = 0 WHERE id = ? AND revoked_at IS NULL')
        .run(tokenHash, previousHash, now.toISOString(), stationId);
      return result.changes === 1;
    },

    async revokeStation({ stationId, now }) {
      return db
        .transaction(() => {
          const at = now.toISOString();
          const result = db.prepare('UPDATE stations SET revoked_at = ?, token_hash = NULL, prev_token_hash = NULL, enrolment_pending = 0 WHERE id = ?').run(at, stationId);
          db.prepare('UPDATE enrolment_codes SET expires_at = ? WHERE station_id = ? AND used_at IS NULL AND expires_at > ?').run(at, stationId, at);
          db.prepare('UPDATE enrolment_codes SET sealed_token = NULL WHERE station_id = ? AND sealed_token IS NOT NULL').run(stationId);
          return result.changes === 1;
        })
        .immediate();
    },
  };
};
