import { mkdirSync } from 'node:fs';
import { afterEach, describe, expect, it } from 'vitest';
import { seeded } from '../sync/support/random.ts';
import { buildStationRecords } from '../sync/support/records.ts';
import { cli } from '../sync/support/server.ts';
import { checkIn, enrolledStation, startDemoServer, statusLine, waitSynced } from './support/demo-server.ts';
import { type Kiosk, openKiosk, useChromium, SHOTS } from './support/kiosk.ts';

/**
 * The kiosk in Chromium, served by the real central server process in demo mode (it enrols itself from the
 * demo's station-config.json), synced while records pile up and reloaded in the middle of a push: every record
 * arrives exactly once and the status line comes back to 已同步. And the status line never says 已同步 while a
 * record waits.
 */
const BULK = Number(process.env.SYNC_E2E_RECORDS ?? 1_500);

const chromium = useChromium();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

const shotStatus = async (k: Kiosk, name: string) => {
  mkdirSync(`${SHOTS}/status-line`, { recursive: true });
  await statusLine(k.page).screenshot({ path: `${SHOTS}/status-line/${name}.png` });
  await k.state(name);
};

interface OutboxRow {
  seq: number;
  id: string;
  kind: string;
}

describe('sync in the kiosk (Chromium, the real server)', () => {
  it('reloads in the middle of a sync and still delivers every record exactly once', async () => {
    const { seed, random } = seeded('e2e-reload');
    console.info(`[sync] e2e reload: seed ${seed} (SYNC_SEED to replay), ${BULK} bulk records`);
    const { url, db } = await startDemoServer(cleanup);
    const k = await openKiosk(chromium(), 'landscape', { url });
    const { page } = k;
    await waitSynced(page);
    const station = await enrolledStation(k);

    for (let i = 0; i < 3; i += 1) await checkIn(k);
    await waitSynced(page);

    // A busy hour at once: records written into IndexedDB the way commitRecord writes them (the record in its
    // table with its local day, and its outbox entry, in one transaction), a hundred at a time.
    const built = buildStationRecords({ stationId: station, count: BULK, random, at: (i) => new Date(Date.now() - 3_600_000 + i * 1000) });
    await page.evaluate(async (records) => {
      const tables: Record<string, string> = { visit: 'visits', referral: 'referrals', request: 'requests', 'request-event': 'requestEvents', feedback: 'feedback', 'amenity-use': 'amenityUses', 'shift-event': 'shiftEvents', 'device-event': 'deviceEvents' };
      const pad = (n: number) => String(n).padStart(2, '0');
      const dayOf = (iso: string) => {
        const d = new Date(iso);
        return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
      };
      const db = await new Promise<IDBDatabase>((resolve, reject) => {
        const open = indexedDB.open('yizhan');
        open.onsuccess = () => resolve(open.result);
        open.onerror = () => reject(open.error);
      });
      for (let at = 0; at < records.length; at += 100) {
        const chunk = records.slice(at, at + 100);
        const tx = db.transaction([...new Set(chunk.map((r) => tables[r.kind]!)), 'outbox'], 'readwrite', { durability: 'strict' });
        for (const record of chunk) {
          tx.objectStore(tables[record.kind]!).add({ ...record, day: dayOf(record.at) });
          tx.objectStore('outbox').add({ kind: record.kind, id: record.id, record });
        }
        await new Promise<void>((resolve, reject) => {
          tx.oncomplete = () => resolve();
          tx.onerror = () => reject(tx.error);
        });
      }
      db.close();
    }, built.records);

    // Each push's answer is held back 300 ms on its way to the page (the server has long committed it), so the
    // sync takes a while. One more check-in wakes the engine (the app's own write path nudges it); the page is
    // reloaded the moment its second push goes out: that push commits on the server and its answer is lost.
    await page.route('**/api/push', async (route) => {
      try {
        const response = await route.fetch();
        await new Promise((r) => setTimeout(r, 300));
        await route.fulfill({ response });
      } catch {
        // The page went away meanwhile: the answer has nowhere to go.
      }
    });
    let pushesAnswered = 0;
    page.on('response', (r) => {
      if (r.url().endsWith('/api/push')) pushesAnswered += 1;
    });
    let pushesSent = 0;
    let answeredBeforeReload = -1;
    const reloaded = new Promise<unknown>((resolve) =>
      page.on('request', (r) => {
        if (!r.url().endsWith('/api/push') || (pushesSent += 1) !== 2) return;
        answeredBeforeReload = pushesAnswered;
        resolve(page.reload().catch((e: unknown) => e));
      }),
    );
    await k.tap(/^签到/);
    await k.tap('本小区居民', 'radio');
    await page.getByRole('radio').nth(1).tap();
    await reloaded;
    const needed = Math.ceil((BULK + 1) / 500);
    console.info(`[sync] e2e reload: reloaded as push 2 went out; ${answeredBeforeReload} push answer(s) had arrived, of the ${needed} pushes the backlog needs`);
    expect(answeredBeforeReload).toBeLessThan(needed);

    await page.locator('#main h1').first().waitFor();
    await waitSynced(page);
    await shotStatus(k, 'sync-after-reload');

    const outbox = await k.rows<OutboxRow>('outbox');
    const meta = await k.rows<{ key: string; value: unknown }>('meta');
    expect(outbox.length).toBe(BULK + 4);
    expect(meta.find((m) => m.key === 'outbox.pushedSeq')?.value).toBe(Math.max(...outbox.map((e) => e.seq)));

    const [counts] = await db.query<{ n: number; d: number }>('SELECT count(*) AS n, count(DISTINCT id) AS d FROM records WHERE station_id = ?', [station]);
    expect(counts).toEqual({ n: outbox.length, d: outbox.length });
    const stored = new Set((await db.query<{ id: string }>('SELECT id FROM records WHERE station_id = ?', [station])).map((r) => r.id));
    expect(outbox.filter((e) => !stored.has(e.id)).map((e) => e.seq)).toEqual([]);
    expect(await db.query('SELECT * FROM dead_letters')).toEqual([]);
    const epochs = await db.query<{ applied_seq: number }>('SELECT applied_seq FROM push_state WHERE station_id = ?', [station]);
    expect(epochs.map((e) => e.applied_seq)).toEqual([outbox.length]);
    // What the technician sees: the station's last heartbeat says nothing waits.
    expect((await cli(db.storage, ['stations'])).join('\n')).toMatch(new RegExp(`${station}\tenrolled\tlast seen .*, waiting 0`));
    await k.close();
  });

  it('never says 已同步 while a record waits: offline, check in, see it waiting, online, synced', async () => {
    const { url, db } = await startDemoServer(cleanup);
    const k = await openKiosk(chromium(), 'landscape', { url });
    const { page, context } = k;
    await waitSynced(page);
    const station = await enrolledStation(k);
    // The check-in screens load on first use: open them once while online (this visit syncs too).
    await checkIn(k);
    const onServer = async () => Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM records WHERE station_id = ?', [station]))[0]!.n);
    await expect.poll(onServer, { timeout: 30_000 }).toBe(1);
    await waitSynced(page);
    await shotStatus(k, 'sync-synced');

    // Every change of the status line, and each time a check-in is confirmed on screen, as the page saw them.
    await page.evaluate(() => {
      const w = window as unknown as { syncLog: { t: number; text: string }[]; confirmed: number[] };
      w.syncLog = [];
      w.confirmed = [];
      let last = '';
      let shown = false;
      const look = () => {
        const text = document.querySelector('[data-sync-phase]')?.textContent ?? '';
        if (text !== last) w.syncLog.push({ t: performance.now(), text: (last = text) });
        const now = [...document.querySelectorAll('[role="status"]')].some((e) => e.textContent?.includes('签到成功'));
        if (now && !shown) w.confirmed.push(performance.now());
        shown = now;
      };
      look();
      new MutationObserver(look).observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
    });

    await context.setOffline(true);
    await k.tap(/^签到/);
    await k.tap('本小区居民', 'radio');
    const tappedAt = await page.evaluate(() => performance.now());
    await page.getByRole('radio').nth(1).tap();
    await page.getByRole('status').filter({ hasText: '签到成功' }).waitFor();
    await statusLine(page).filter({ hasText: '1 条记录已安全保存在本机' }).waitFor({ timeout: 15_000 });
    await shotStatus(k, 'sync-offline-waiting');
    await k.tap(/完成/);
    await page.waitForTimeout(500);
    expect(await statusLine(page).textContent()).not.toContain('已同步');

    const onlineAt = await page.evaluate(() => performance.now());
    await context.setOffline(false);
    await waitSynced(page, 30_000);
    await shotStatus(k, 'sync-synced-again');

    const { syncLog, confirmed } = await page.evaluate(() => {
      const w = window as unknown as { syncLog: { t: number; text: string }[]; confirmed: number[] };
      return { syncLog: w.syncLog, confirmed: w.confirmed };
    });
    const checkedInAt = confirmed.find((t) => t > tappedAt)!;
    expect(checkedInAt).toBeDefined();
    // The line may take a moment to hear of the write (the outbox's live query, then one read): 200 ms at most.
    const from = checkedInAt + 200;
    const inEffect = syncLog.filter((e) => e.t <= from).at(-1);
    const during = [inEffect, ...syncLog.filter((e) => e.t > from && e.t < onlineAt)].filter((e) => e !== undefined);
    console.info(`[sync] e2e offline: the status line around the check-in (ms from its confirmation): ${JSON.stringify(syncLog.map((e) => ({ ms: Math.round(e.t - checkedInAt), text: e.text })))}`);
    expect(during.filter((e) => e.text.includes('已同步')), 'the status line said 已同步 with a record waiting').toEqual([]);

    const outbox = await k.rows<OutboxRow>('outbox');
    expect(outbox).toHaveLength(2);
    const [counts] = await db.query<{ n: number; d: number }>('SELECT count(*) AS n, count(DISTINCT id) AS d FROM records WHERE station_id = ?', [station]);
    expect(counts).toEqual({ n: 2, d: 2 });
    await k.close();
  });
});
