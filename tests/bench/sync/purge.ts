import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import Database from 'better-sqlite3';
import { purgeDefinition } from '../../../sync/server/purge-definition.ts';
import { recordDigest } from '../../../sync/server/push/digest.ts';
import { openSqliteStorage } from '../../../sync/server/storage/sqlite/index.ts';
import { envInt } from '../support/bench.ts';
import { kioskRecords, MIX } from './support/records.ts';
import { aimAtMost, int, ms, percentile, perSecond, rate, type SyncBench, type SyncRow, within } from './support/table.ts';

const STATION = 'bench-purge';
const RECEIVED = '2025-01-01T00:00:00.000Z';

interface PurgeRun {
  /** The gaps between two turns of a task that asks for one after every other (setImmediate): the stalls. */
  gaps: number[];
  /** This process's CPU time within each gap: the stall's own work, without the time other processes had the core. */
  cpuGaps: number[];
  wallMs: number;
  records: number;
  deadLetters: number;
}

/** A fresh SQLite file holding `total` records and `total / 20` dead letters, all past retention. */
const fill = async (dir: string, total: number) => {
  const path = join(dir, `purge-${Date.now()}.sqlite`);
  const storage = openSqliteStorage({ path });
  await storage.migrate();
  await storage.createStation({ id: STATION, name: STATION, now: new Date(RECEIVED) });
  const db = new Database(path);
  const insertRecord = db.prepare('INSERT INTO records (id, station_id, epoch, seq, kind, v, at, payload, digest, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)');
  const insertDead = db.prepare('INSERT INTO dead_letters (station_id, epoch, seq, record_id, kind, reason, detail, payload, received_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  db.transaction(() => {
    kioskRecords(STATION, total, 8).forEach((record, i) =>
      insertRecord.run(record.id, STATION, 'bench-epoch', i + 1, record.kind, record.v, record.at, JSON.stringify(record), recordDigest(record), RECEIVED),
    );
    for (let i = 0; i < total / 20; i += 1) insertDead.run(STATION, 'bench-dead', i + 1, null, null, 'invalid-record', null, JSON.stringify({ phone: '13812345678', i }), RECEIVED);
  })();
  db.close();
  return storage;
};

const cpuMs = () => {
  const { user, system } = process.cpuUsage();
  return (user + system) / 1000;
};

/** A second task that takes a turn after every other until stopped, noting the gap before each (wall and CPU). */
const turnTaker = () => {
  const gaps: number[] = [];
  const cpuGaps: number[] = [];
  let running = true;
  let last = performance.now();
  let lastCpu = cpuMs();
  const done = (async () => {
    while (running) {
      await new Promise((resolve) => setImmediate(resolve));
      const now = performance.now();
      const cpu = cpuMs();
      gaps.push(now - last);
      cpuGaps.push(cpu - lastCpu);
      last = now;
      lastCpu = cpu;
    }
  })();
  return {
    stop: async () => {
      running = false;
      await done;
      return { gaps, cpuGaps };
    },
  };
};

/** The largest of many numbers (spreading a few hundred thousand turns' gaps into Math.max overflows the stack). */
const longest = (values: readonly number[]): number => values.reduce((top, value) => Math.max(top, value), 0);

/** Runs the purge while a second task takes its turns; the longest gap between two is the longest stall. */
const measure = async (dir: string, total: number, batchSize: number): Promise<PurgeRun> => {
  const storage = await fill(dir, total);
  try {
    const turns = turnTaker();
    const t0 = performance.now();
    const result = await storage.purgePersonal({ before: new Date('2025-06-01T00:00:00Z'), now: new Date(), definition: purgeDefinition, batchSize });
    const wallMs = performance.now() - t0;
    return { ...(await turns.stop()), wallMs, records: result.records, deadLetters: result.deadLetters };
  } finally {
    await storage.close();
  }
};

/** The same turns with nothing else to do: the stalls this machine makes by itself (other processes, GC). */
const idle = async (forMs: number) => {
  const turns = turnTaker();
  await new Promise((resolve) => setTimeout(resolve, forMs));
  return turns.stop();
};

/**
 * The SQLite retention purge (issue 8, item 8) over 200,000 expired records and 10,000 expired dead letters, run
 * in this process: how long the event loop stalls while it runs. The batch sizes of BENCH_PURGE_BATCHES (500 is
 * the server's), and the baseline measured in the same run: one batch of everything, as the purge behaved before
 * it yielded (one stall as long as the whole purge).
 */
export const syncPurge: SyncBench = {
  name: 'purge',
  async run({ log }) {
    const total = envInt('BENCH_PURGE_RECORDS', 200_000);
    const sizes = (process.env.BENCH_PURGE_BATCHES ?? '100,500,2000').split(',').map((s) => Number(s.trim())).filter((n) => Number.isInteger(n) && n > 0);
    const dir = await mkdtemp(join(tmpdir(), 'yizhan-bench-purge-'));
    const rows: SyncRow[] = [];
    try {
      const baseline = await within('purge, one sweep', 5 * 60_000, () => measure(dir, total, total + total / 20));
      const baselineStall = longest(baseline.gaps);
      log(`purge: one sweep of ${int(total)} records: ${ms(baseline.wallMs)}, longest stall ${ms(baselineStall)}`);
      const row = (label: string, run: Pick<PurgeRun, 'gaps' | 'cpuGaps'> & Partial<PurgeRun>): SyncRow => {
        const stall = longest(run.gaps);
        const ownStall = longest(run.cpuGaps);
        return {
          bench: 'purge',
          case: label,
          n: `${int(run.gaps.length)} turns`,
          p50: ms(percentile(run.gaps, 50)),
          p99: ms(percentile(run.gaps, 99)),
          rate: run.records !== undefined && run.wallMs !== undefined ? rate(perSecond(run.records, run.wallMs)) : '–',
          ratio: `longest ${ms(stall)} (${ms(ownStall)} CPU), ${(stall / baselineStall).toFixed(3)} of one sweep's`,
          aim: aimAtMost('no stall of its own over 50 ms', ownStall, 50),
        };
      };
      for (const size of sizes) {
        const run = await within(`purge, batches of ${size}`, 5 * 60_000, () => measure(dir, total, size));
        log(`purge: batches of ${size}: ${ms(run.wallMs)}, longest stall ${ms(longest(run.gaps))}`);
        rows.push(row(`SQLite, batches of ${size}${size === 500 ? ' (the server\u2019s)' : ''}`, run));
      }
      rows.push(row('SQLite, one sweep (as before)', baseline));
      rows.push(row('nothing running (this machine’s own stalls)', await idle(5_000)));
    } finally {
      await rm(dir, { recursive: true, force: true });
    }
    return {
      rows: [],
      syncRows: rows,
      notes: [
        `purge: ${int(total)} records (${MIX}) and ${int(total / 20)} dead letters, all received past retention, in a temp SQLite file (WAL, synchronous=FULL); p50 and p99 are the gaps between turns of a task that asks for one after every other, so the longest gap is the longest time nothing else could run, and the CPU this process used within it is the stall's own part (the rest: other processes had the core, as the last row shows with nothing running); the rate is records purged per second of the whole purge.`,
      ],
    };
  },
};
