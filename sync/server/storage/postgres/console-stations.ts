import { auditEntry } from '../console/audit.ts';
import { CONSOLE_DEAD_LETTER_SELECT, type ConsoleDeadLetterRow, type ConsoleStationRow, isoOf, isoOrNull, toConsoleDeadLetter, toConsoleStation } from '../console/rows.ts';
import type { ConsoleStorage } from '../console/types.ts';
import type { Client, PostgresConnection } from './connection.ts';
import { writeAudit } from './console-audit.ts';

interface HealthRow extends ConsoleStationRow {
  app_version: string | null;
  records_waiting: string | null;
  storage_used: string | null;
  storage_quota: string | null;
  storage_growth_per_day: string | null;
  dead_letters: number | null;
  last_error: string | null;
  clock_offset_ms: string | null;
  sent_at: string | null;
  received_at: Date | null;
  online_since: Date | null;
  unresolved: string;
}
const numberOrNull = (value: string | null): number | null => (value === null ? null : Number(value));

/** The stations board (heartbeats joined to stations) and dead letters with their review. */
export const postgresConsoleStations = ({ pool, transaction }: PostgresConnection): Pick<ConsoleStorage, 'stationHealth' | 'listConsoleDeadLetters' | 'resolveDeadLetter'> => ({
  async stationHealth(stationIds) {
    const { rows } = await pool.query<HealthRow>(
      `SELECT s.id, s.name, s.community_id, s.token_issued_at, s.revoked_at, s.created_at,
         h.app_version, h.records_waiting, h.storage_used, h.storage_quota, h.storage_growth_per_day, h.dead_letters, h.last_error, h.clock_offset_ms, h.sent_at, h.received_at, h.online_since,
         (SELECT count(*) FROM dead_letters d WHERE d.station_id = s.id
            AND NOT EXISTS (SELECT 1 FROM dead_letter_reviews r WHERE r.station_id = d.station_id AND r.epoch = d.epoch AND r.seq = d.seq)) AS unresolved
       FROM stations s LEFT JOIN heartbeats h ON h.station_id = s.id
       WHERE $1::text[] IS NULL OR s.id = ANY($1::text[]) ORDER BY s.id`,
      [stationIds],
    );
    return rows.map((row) => ({
      station: toConsoleStation(row),
      heartbeat:
        row.received_at === null
          ? null
          : {
              appVersion: row.app_version!,
              recordsWaiting: Number(row.records_waiting),
              storageUsed: numberOrNull(row.storage_used),
              storageQuota: numberOrNull(row.storage_quota),
              storageGrowthPerDay: numberOrNull(row.storage_growth_per_day),
              deadLetters: row.dead_letters,
              lastError: row.last_error,
              clockOffsetMs: numberOrNull(row.clock_offset_ms),
              sentAt: row.sent_at!,
              receivedAt: isoOf(row.received_at),
              onlineSince: isoOrNull(row.online_since),
            },
      unresolvedDeadLetters: Number(row.unresolved),
    }));
  },

  async listConsoleDeadLetters({ stationIds, resolved }) {
    const { rows } = await pool.query<ConsoleDeadLetterRow>(
      `${CONSOLE_DEAD_LETTER_SELECT}
       WHERE ($1::text[] IS NULL OR d.station_id = ANY($1::text[])) AND ($2::boolean IS NULL OR $2 = (r.resolved_at IS NOT NULL))
       ORDER BY d.received_at DESC, d.station_id, d.seq DESC LIMIT 500`,
      [stationIds, resolved ?? null],
    );
    return rows.map(toConsoleDeadLetter);
  },

  async resolveDeadLetter({ stationId, epoch, seq, note }, audit) {
    return transaction(async (client) => {
      const one = async (c: Client) => (await c.query<ConsoleDeadLetterRow>(`${CONSOLE_DEAD_LETTER_SELECT} WHERE d.station_id = $1 AND d.epoch = $2 AND d.seq = $3`, [stationId, epoch, seq])).rows[0];
      const before = await one(client);
      if (!before) return null;
      await client.query(
        `INSERT INTO dead_letter_reviews (station_id, epoch, seq, resolved_at, staff_id, note) VALUES ($1, $2, $3, $4, $5, $6)
         ON CONFLICT (station_id, epoch, seq) DO UPDATE SET resolved_at = excluded.resolved_at, staff_id = excluded.staff_id, note = excluded.note`,
        [stationId, epoch, seq, audit.now, audit.staff?.id ?? null, note],
      );
      const after = toConsoleDeadLetter((await one(client))!);
      await writeAudit(client, auditEntry(audit, 'dead-letter.resolve', 'dead-letter', `${stationId}/${epoch}/${seq}`, toConsoleDeadLetter(before).resolution, after.resolution));
      return after;
    });
  },
});
