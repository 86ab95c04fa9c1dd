import type { Storage } from '../types.ts';
import type { SqliteConnection } from './connection.ts';
import { type DeadLetterRow, type RecordRow, toDeadLetter, toRecord } from './rows.ts';

/** Reading what stations pushed: the records stored and the entries dead-lettered. */
export const sqliteRecords = ({ db }: SqliteConnection): Pick<Storage, 'getRecord' | 'listRecords' | 'listDeadLetters'> => ({
  async getRecord(id) {
    const row = db.prepare<[string], RecordRow>('SELECT * FROM records WHERE id = ?').get(id);
    return row ? toRecord(row) : null;
  },

  async listRecords(stationId) {
    return db.prepare<[string], RecordRow>('SELECT * FROM records WHERE station_id = ? ORDER BY epoch, seq').all(stationId).map(toRecord);
  },

  async listDeadLetters(stationId) {
    return db.prepare<[string], DeadLetterRow>('SELECT * FROM dead_letters WHERE station_id = ? ORDER BY epoch, seq').all(stationId).map(toDeadLetter);
  },
});
