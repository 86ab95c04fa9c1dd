import type { Storage } from '../types.ts';
import type { PostgresConnection } from './connection.ts';
import { type DeadLetterRow, type RecordRow, toDeadLetter, toRecord } from './rows.ts';

/** Reading what stations pushed: the records stored and the entries dead-lettered. */
export const postgresRecords = ({ pool }: PostgresConnection): Pick<Storage, 'getRecord' | 'listRecords' | 'listDeadLetters'> => ({
  async getRecord(id) {
    const { rows } = await pool.query<RecordRow>('SELECT * FROM records WHERE id = $1', [id]);
    return rows[0] ? toRecord(rows[0]) : null;
  },

  async listRecords(stationId) {
    return (await pool.query<RecordRow>('SELECT * FROM records WHERE station_id = $1 ORDER BY epoch, seq', [stationId])).rows.map(toRecord);
  },

  async listDeadLetters(stationId) {
    return (await pool.query<DeadLetterRow>('SELECT * FROM dead_letters WHERE station_id = $1 ORDER BY epoch, seq', [stationId])).rows.map(toDeadLetter);
  },
});
