import { type Storage, StorageConflictError } from '../types.ts';
import type { PostgresConnection } from './connection.ts';
import { type StationRow, toStation } from './rows.ts';

type StationMethods = Pick<
  Storage,
  'createStation' | 'getStation' | 'listStations' | 'createEnrolmentCode' | 'redeemEnrolmentCode' | 'reclaimEnrolment' | 'authenticate' | 'setToken' | 'revokeStation'
>;

/** Stations and their credentials: enrolment codes, tokens (hashes only), rotation and revocation. */
export const postgresStations = ({ pool, transaction }: PostgresConnection): StationMethods => ({
  async createStation({ id, name, now }) {
    try {
      const { rows } = await pool.query<StationRow>('INSERT INTO stations (id, name, created_at) VALUES ($1, $2, $3) RETURNING *', [id, name, now]);
      return toStation(rows[0]!);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new StorageConflictError(`station ${id} exists`);
      throw error;
    }
  },

  async getStation(id) {
    const { rows } = await pool.query<StationRow>('SELECT * FROM stations WHERE id = $1', [id]);
    return rows[0] ? toStation(rows[0]) : null;
  },

  async listStations() {
    return (await pool.query<StationRow>('SELECT * FROM stations ORDER BY id')).rows.map(toStation);
  },

  async createEnrolmentCode({ stationId, codeHash, expiresAt, now }) {
    try {
      await pool.query('INSERT INTO enrolment_codes (code_hash, station_id, expires_at, created_at) VALUES ($1, $2, $3, $4)', [codeHash, stationId, expiresAt, now]);
    } catch (error) {
      if ((error as { code?: string }).code === '23505') throw new StorageConflictError('that enrolment code exists');
      throw error;
    }
  },

  async redeemEnrolmentCode({ codeHash, tokenHash, now, install = null }) {
    return transaction(async (client) => {
      // The UPDATE … WHERE used_at IS NULL is the one-time check: of two concurrent redeems, one finds no row.
      const { rows } = await client.query<{ station_id: string }>(
        `UPDATE enrolment_codes SET used_at = $2, install_hash = $3, issued_token_hash = $4, sealed_token = $5
         WHERE code_hash = $1 AND used_at IS NULL AND expires_at > $2 RETURNING station_id`,
        [codeHash, now, install?.installHash ?? null, tokenHash, install?.sealedToken ?? null],
      );
      if (!rows[0]) return null;
      const station = await client.query<StationRow>(
        'UPDATE stations SET token_hash = $1, prev_token_hash = NULL, token_issued_at = $2, revoked_at = NULL, enrolment_pending = true WHERE id = $3 RETURNING *',
        [tokenHash, now, rows[0].station_id],
      );
      return toStation(station.rows[0]!);
    });
  },

  async reclaimEnrolment({ codeHash, installHash }) {
    const { rows } = await pool.query<StationRow & { sealed_token: string }>(
      `SELECT s.*, c.sealed_token FROM enrolment_codes c JOIN stations s ON s.id = c.station_id
       WHERE c.code_hash = $1 AND c.install_hash = $2 AND c.sealed_token IS NOT NULL
         AND s.token_hash = c.issued_token_hash AND s.enrolment_pending AND s.revoked_at IS NULL`,
      [codeHash, installHash],
    );
    return rows[0] ? { station: toStation(rows[0]), sealedToken: rows[0].sealed_token } : null;
  },

  async authenticate(tokenHash) {
    const { rows } = await pool.query<StationRow>('SELECT * FROM stations WHERE (token_hash = $1 OR prev_token_hash = $1) AND revoked_at IS NULL', [tokenHash]);
    const row = rows[0];
    if (!row) return null;
    // The new token of a rotation is in use: the old one has served its purpose.
    if (row.token_hash === tokenHash && row.prev_token_hash !== null) {
      await pool.query('UPDATE stations SET prev_token_hash = NULL WHERE id = $1 AND token_hash = $2', [row.id, tokenHash]);
    }
    // The tablet holds its enrolment's token: no retry of that enrolment can be needed any more.
    if (row.token_hash === tokenHash && row.enrolment_pending) {
      await pool.query(
        `WITH used AS (UPDATE stations SET enrolment_pending = false WHERE id = $1 AND token_hash = $2 RETURNING id)
         UPDATE enrolment_codes SET sealed_token = NULL WHERE station_id IN (SELECT id FROM used) AND sealed_token IS NOT NULL`,
        [row.id, tokenHash],
      );
      return toStation({ ...row, enrolment_pending: false });
    }
    return toStation(row);
  },

  async setToken({ stationId, tokenHash, previousHash, now }) {
    const result = await pool.query(
      'UPDATE stations SET token_hash = $1, prev_token_hash = $2, token_issued_at = $3, enrolment_pending = false WHERE id = $4 AND revoked_at IS NULL',
      [tokenHash, previousHash, now, stationId],
    );
    return result.rowCount === 1;
  },

  async revokeStation({ stationId, now }) {
    return transaction(async (client) => {
      const result = await client.query('UPDATE stations SET revoked_at = $1, token_hash = NULL, prev_token_hash = NULL, enrolment_pending = false WHERE id = $2', [now, stationId]);
      await client.query('UPDATE enrolment_codes SET expires_at = $1 WHERE station_id = $2 AND used_at IS NULL AND expires_at > $1', [now, stationId]);
      await client.query('UPDATE enrolment_codes SET sealed_token = NULL WHERE station_id = $1 AND sealed_token IS NOT NULL', [stationId]);
      return result.rowCount === 1;
    });
  },
});
