import { auditEntry } from '../console/audit.ts';
import { CONSOLE_DEAD_LETTER_SELECT, type ConsoleDeadLetterRow, type ConsoleStationRow, toConsoleDeadLetter, toConsoleStation } from '../console/rows.ts';
import type { ConsoleStorage } from '../console/types.ts';
import type { SqliteConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';
import { stationsClause } from './console-reports.ts';

interface HealthRow extends ConsoleStationRow {
  app_version: string | null;
  records_waiting: number | null;
  storage_used: number | null;
  storage_quota: number | null;
  storage_growth_per_day: number | null;
  dead_letters: number | null;
  last_error: string | null;
  clock_offset_ms: number | null;
  sent_at: string | null;
  received_at: string | null;
  online_since: string | null;
  unresolved: number;
}

/** The stations board (heartbeats joined to stations) and dead letters with their review. */
export const sqliteConsoleStations = ({ db }: SqliteConnection): Pick<ConsoleStorage, 'stationHealth' | 'listConsoleDeadLetters' | 'resolveDeadLetter'> => ({
  async stationHealth(stationIds) {
    const rows = db
      .prepare<[{ stations: string }], HealthRow>(
        `SELECT s.id, s.name, s.community_id, s.token_issued_at, s.revoked_at, s.created_at,
           h.app_version, h.records_waiting, h.storage_used, h.storage_quota, h.storage_growth_per_day, h.dead_letters, h.last_error, h.clock_offset_ms, h.sent_at, h.received_at, h.online_since,
           (SELECT count(*) FROM dead_letters d WHERE d.station_id = s.id
              AND NOT EXISTS (SELECT 1 FROM dead_letter_reviews r WHERE r.station_id = d.station_id AND r.epoch = d.epoch AND r.seq = d.seq)) AS unresolved
         FROM stations s LEFT JOIN heartbeats h ON h.station_id = s.id
         WHERE TRUE ${stationsClause('s.id', stationIds)} ORDER BY s.id`,
      )
      .all({ stations: JSON.stringify(stationIds ?? []) });
    return rows.map((row) => ({
      station: toConsoleStation(row),
      heartbeat:
        row.received_at === null
          ? null
          : {
              appVersion: row.app_version!,
              recordsWaiting: row.records_waiting!,
              storageUsed: row.storage_used,
              storageQuota: row.storage_quota,
              storageGrowthPerDay: row.storage_growth_per_day,
              deadLetters: row.dead_letters,
              lastError: row.last_error,
              clockOffsetMs: row.clock_offset_ms,
              sentAt: row.sent_at!,
              receivedAt: row.received_at,
              onlineSince: row.online_since,
            },
      unresolvedDeadLetters: row.unresolved,
    }));
  },

  async listConsoleDeadLetters({ stationIds, resolved }) {
    const resolution = resolved === undefined ? '' : `AND r.resolved_at IS ${resolved ? 'NOT NULL' : 'NULL'}`;
    const rows = db
      .prepare<[{ stations: string }], ConsoleDeadLetterRow>(
        `${CONSOLE_DEAD_LETTER_SELECT}
         WHERE TRUE ${stationsClause('d.station_id', stationIds)} ${resolution}
         ORDER BY d.received_at DESC, d.station_id, d.seq DESC LIMIT 500`,
      )
      .all({ stations: JSON.stringify(stationIds ?? []) });
    return rows.map(toConsoleDeadLetter);
  },

  async resolveDeadLetter({ stationId, epoch, seq, note }, audit) {
    return db
      .transaction(() => {
        const one = () =>
          db.prepare<[string, string, number], ConsoleDeadLetterRow>(`${CONSOLE_DEAD_LETTER_SELECT} WHERE d.station_id = ? AND d.epoch = ? AND d.seq = ?`).get(stationId, epoch, seq);
        const before = one();
        if (!before) return null;
        db.prepare(
          `INSERT INTO dead_letter_reviews (station_id, epoch, seq, resolved_at, staff_id, note) VALUES (?, ?, ?, ?, ?, ?)
           ON CONFLICT (station_id, epoch, seq) DO UPDATE SET resolved_at = excluded.resolved_at, staff_id = excluded.staff_id, note = excluded.note`,
        ).run(stationId, epoch, seq, audit.now.toISOString(), audit.staff?.id ?? null, note);
        const after = toConsoleDeadLetter(one()!);
        writeAudit(db, auditEntry(audit, 'dead-letter.resolve', 'dead-letter', `${stationId}/${epoch}/${seq}`, toConsoleDeadLetter(before).resolution, after.resolution));
        return after;
      })
      .immediate();
  },
});
