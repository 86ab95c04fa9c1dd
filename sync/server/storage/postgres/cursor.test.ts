import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { DISTRICT_SCOPE } from '../../../protocol/centre.ts';
import { newId } from '../../../protocol/ids.ts';
import { applyRequestEvent } from '../../../protocol/request-state.ts';
import type { Change } from '../../../protocol/wire.ts';
import { createDatabase } from '../../testing/postgres.ts';
import { entries, newEpoch, pushToStorage, requestEvent, residentRequest } from '../../testing/fixtures.ts';
import { nextChangeSeqs, openPostgresStorage } from './index.ts';
import type { Storage } from '../types.ts';

/**
 * The cursor promise on PostgreSQL: a station that pulled up to seq N never misses a change, even when the
 * transaction that wrote a change below N committed late. Proved with concurrent writers on a real cluster,
 * and with a control showing that the same test catches a plain sequence, which does let changes fall behind.
 */
const adminUrl = inject('pgUrl');

describe.skipIf(!adminUrl)('PostgreSQL change cursor under concurrent writers', () => {
  let storage: Storage;
  let pool: pg.Pool;
  let drop: () => Promise<void>;
  const now = new Date('2026-03-02T08:00:00Z');

  beforeAll(async () => {
    const db = await createDatabase(adminUrl!);
    drop = db.drop;
    storage = openPostgresStorage({ connectionString: db.url, max: 20 });
    await storage.migrate();
    pool = new pg.Pool({ connectionString: db.url, max: 6 });
    await storage.createStation({ id: 'reader', name: 'reader', now });
  });
  afterAll(async () => {
    await pool?.end();
    await storage?.close();
    await drop?.();
  });

  /**
   * A station that pulls in small pages as fast as it can, keeping everything it saw. It follows the answer's
   * cursor, as the protocol says; the control below follows the seq of the last change instead, because with
   * a plain sequence there is no counter to jump to.
   */
  const reader = (stationId: string, followAnswerCursor = true) => {
    const seen: Change[] = [];
    let cursor = 0;
    let resets = 0;
    const pullOnce = async () => {
      for (;;) {
        const page = await storage.pull({ stationId, cursor, limit: 5 });
        if (page.reset) {
          resets += 1;
          return;
        }
        for (const change of page.changes) {
          expect(Number(change.seq)).toBeGreaterThan(cursor);
          seen.push(change);
          cursor = Number(change.seq);
        }
        if (followAnswerCursor) {
          expect(Number(page.cursor)).toBeGreaterThanOrEqual(cursor);
          cursor = Number(page.cursor);
        }
        if (!page.hasMore) return;
      }
    };
    return { seen, pullOnce, cursor: () => cursor, resets: () => resets };
  };

  /** The newest value the station should hold for each entry, straight from the table. */
  const expected = async (stationId: string) => {
    const { rows } = await pool.query<{ collection: string; id: string; value: string | null; deleted: boolean }>(
      "SELECT collection, id, value, deleted FROM centre_entries WHERE scope IN ('*', $1)",
      [stationId],
    );
    return new Map(rows.map((r) => [`${r.collection}/${r.id}`, r.deleted ? null : (JSON.parse(r.value!) as unknown)]));
  };
  const replay = (changes: Change[]) => {
    const state = new Map<string, unknown>();
    for (const change of changes) state.set(`${change.collection}/${change.id}`, change.op === 'put' ? change.value : null);
    return state;
  };

  it('a late commit holds back later writers, so a reader never skips it', async () => {
    const r = reader('reader');
    await r.pullOnce();
    // T1 takes its seq and then dawdles before committing.
    const t1 = await pool.connect();
    await t1.query('BEGIN');
    const s1 = await nextChangeSeqs(t1, 1);
    await t1.query("INSERT INTO centre_entries (collection, scope, id, value, seq, updated_at) VALUES ('notices', '*', 'late', '{\"n\":1}', $1, now())", [s1]);
    // T2 starts after T1 took its seq; it must wait for T1 rather than commit a higher seq first.
    const t2 = storage.publish({ scope: DISTRICT_SCOPE, collections: { amenities: [{ id: 'early', value: { n: 2 } }] }, now });
    await sleep(300);
    await r.pullOnce();
    expect(r.seen.map((c) => c.id)).not.toContain('early');
    await t1.query('COMMIT');
    t1.release();
    await t2;
    await r.pullOnce();
    expect(r.seen.map((c) => c.id)).toEqual(['late', 'early']);
  });

  it('control: with a plain sequence the same reader does miss the late commit', async () => {
    await pool.query("UPDATE counters SET value = value + 1000 WHERE name = 'change_seq'");
    const { rows } = await pool.query<{ value: string }>("SELECT value FROM counters WHERE name = 'change_seq'");
    await pool.query(`CREATE SEQUENCE naive_seq START WITH ${Number(rows[0]!.value) - 900}`);
    const r = reader('reader', false);
    await r.pullOnce();
    const naiveInsert = async (client: pg.PoolClient, id: string) => {
      const seq = Number((await client.query<{ s: string }>("SELECT nextval('naive_seq') AS s")).rows[0]!.s);
      await client.query("INSERT INTO centre_entries (collection, scope, id, value, seq, updated_at) VALUES ('notices', '*', $1, '{}', $2, now())", [id, seq]);
    };
    const t1 = await pool.connect();
    const t2 = await pool.connect();
    await t1.query('BEGIN');
    await naiveInsert(t1, 'naive-late');
    await t2.query('BEGIN');
    await naiveInsert(t2, 'naive-early');
    await t2.query('COMMIT');
    await r.pullOnce();
    await t1.query('COMMIT');
    t1.release();
    t2.release();
    await r.pullOnce();
    const ids = r.seen.map((c) => c.id);
    expect(ids).toContain('naive-early');
    expect(ids).not.toContain('naive-late');
    await pool.query("DELETE FROM centre_entries WHERE id LIKE 'naive-%'");
  });

  it('many concurrent writers of every kind: the reader ends with exactly the server state, each change in order', async () => {
    const station = 'busy';
    await storage.createStation({ id: station, name: 'busy', now });
    const r = reader(station);
    let writing = true;
    const readLoop = (async () => {
      while (writing) await r.pullOnce();
    })();

    const publishers = Array.from({ length: 6 }, (_, w) =>
      (async () => {
        for (let i = 0; i < 15; i += 1) {
          const scope = i % 3 === 0 ? station : DISTRICT_SCOPE;
          const collection = scope === station ? 'notices' : 'services';
          // Each writer republishes its growing set: puts, unchanged entries, and tombstones when it drops one.
          const items = Array.from({ length: 1 + (i % 4) }, (_, k) => ({ id: `w${w}-${scope === station ? 's' : 'd'}-${k}`, value: { w, i, k } }));
          await storage.publish({ scope, collections: { [collection]: items }, now });
        }
      })(),
    );
    const kiosks = Array.from({ length: 3 }, () =>
      (async () => {
        const epoch = newEpoch();
        let seq = 1;
        for (let i = 0; i < 8; i += 1) {
          const request = residentRequest(station);
          await pushToStorage(storage, station, epoch, entries([request, requestEvent(station, request.id, 'submit')], seq));
          seq += 2;
          const result = await storage.appendCentreRequestEvent({
            event: { id: newId(), requestId: request.id, type: 'dispatch', actor: 'centre' },
            now,
            validate: (status) => applyRequestEvent(status, { type: 'dispatch', actor: 'centre' }) as never,
          });
          expect(result.ok).toBe(true);
        }
      })(),
    );
    await Promise.all([...publishers, ...kiosks]);
    writing = false;
    await readLoop;
    await r.pullOnce();

    expect(r.resets()).toBe(0);
    const seqs = r.seen.map((c) => Number(c.seq));
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(replay(r.seen)).toEqual(await expected(station));
    // Every write got a seq: no gaps in what the reader saw beyond entries later overwritten.
    expect(r.seen.length).toBeGreaterThan(100);
  });
});
