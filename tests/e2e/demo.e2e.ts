import type { Page } from 'playwright-core';
import { afterEach, describe, expect, it } from 'vitest';
import { DEMO_PIN, DEMO_PIN_HASH } from '../../sync/protocol/pin-hash.ts';
import { DEMO_STATION_PREFIX } from '../../sync/server/demo.ts';
import { cli } from '../sync/support/server.ts';
import { checkIn, enrolledStation, startDemoServer, waitSynced } from './support/demo-server.ts';
import { type Kiosk, openKiosk, useChromium } from './support/kiosk.ts';

/**
 * The demo a newcomer runs: `npm start`'s server (demo mode, serving the built kiosk) and as many browsers as
 * they open. Each must sync, as its own station; a restart of the server must evict none of them; and the kiosk
 * must arrive compressed, under the shell's security headers.
 */
const chromium = useChromium();

let cleanup: (() => Promise<void>)[] = [];
afterEach(async () => {
  for (const step of cleanup.reverse()) await step().catch((e: unknown) => console.warn('cleanup', e));
  cleanup = [];
});

const recordsOf = async (db: { query<T>(sql: string, params?: unknown[]): Promise<T[]> }, station: string) =>
  Number((await db.query<{ n: number }>('SELECT count(*) AS n FROM records WHERE station_id = ?', [station]))[0]!.n);

/**
 * Every script the page loaded, as the network delivered it: its encoding, its bytes on the wire and decoded.
 * Read from the responses, not the page's resource timing: the suite's fake clock (context.clock) stands in for
 * `performance`, whose entries it does not keep.
 */
const watchScripts = (page: Page) => {
  const scripts: Promise<{ url: string; encoding: string | null; wire: number; decoded: number }>[] = [];
  page.on('response', (response) => {
    if (response.request().resourceType() !== 'script') return;
    const encoding = response.headers()['content-encoding'] ?? null;
    scripts.push(
      Promise.all([response.request().sizes(), response.body()]).then(([sizes, body]) => ({
        url: response.url(),
        encoding,
        wire: sizes.responseBodySize,
        decoded: body.length,
      })),
    );
  });
  return { all: () => Promise.all(scripts), count: () => scripts.length };
};

describe('the demo (npm start)', () => {
  it('syncs any number of browsers, each its own station, and a restart evicts none of them', async () => {
    const server = await startDemoServer(cleanup);
    const { url, db } = server;
    const kiosks: Kiosk[] = [];
    const open = async (viewport: 'landscape' | 'portrait') => {
      let scripts: ReturnType<typeof watchScripts> | null = null;
      const k = await openKiosk(chromium(), viewport, { url, beforeLoad: async (page) => void (scripts = watchScripts(page)) });
      cleanup.push(() => k.close());
      kiosks.push(k);
      await waitSynced(k.page);
      return { k, scripts: await scripts!.all() };
    };

    const first = await open('landscape');
    const second = await open('portrait');
    const [a, b] = [first.k, second.k];
    const stations = [await enrolledStation(a), await enrolledStation(b)];
    expect(stations[0]).toMatch(new RegExp(`^${DEMO_STATION_PREFIX}[0-9a-f]{10}$`));
    expect(stations[1]).not.toBe(stations[0]);

    // The first visit's JavaScript came brotli-compressed (all but chunks under 1 KB, which gain nothing from it).
    expect(first.scripts.length).toBeGreaterThan(0);
    expect(first.scripts.filter((s) => s.encoding !== 'br' && !(s.decoded < 1024)).map((s) => s.url)).toEqual([]);
    const bytes = first.scripts.reduce((sum, s) => ({ wire: sum.wire + s.wire, decoded: sum.decoded + s.decoded }), { wire: 0, decoded: 0 });
    console.info(`[demo] first visit: ${first.scripts.length} scripts, ${Math.round(bytes.wire / 1024)} KB on the wire for ${Math.round(bytes.decoded / 1024)} KB of JavaScript`);
    expect(bytes.wire).toBeLessThan(bytes.decoded / 2.5);

    for (const k of [a, b]) await checkIn(k);
    for (const k of [a, b]) await waitSynced(k.page);
    await expect.poll(async () => [await recordsOf(db, stations[0]!), await recordsOf(db, stations[1]!)], { timeout: 30_000 }).toEqual([1, 1]);
    await a.state('demo-browser-one-synced');
    await b.state('demo-browser-two-synced');

    // npm start again: the same database, the same demo code; nobody is evicted, and a newcomer still joins.
    await server.restart();
    for (const k of [a, b]) await checkIn(k);
    await expect.poll(async () => [await recordsOf(db, stations[0]!), await recordsOf(db, stations[1]!)], { timeout: 60_000 }).toEqual([2, 2]);
    for (const k of [a, b]) await waitSynced(k.page);
    for (const k of [a, b]) expect(await enrolledStation(k)).toBe(stations[kiosks.indexOf(k)]);
    const third = await open('landscape');
    const late = await enrolledStation(third.k);
    expect(stations).not.toContain(late);
    await checkIn(third.k);
    await expect.poll(() => recordsOf(db, late), { timeout: 30_000 }).toBe(1);

    const listed = (await cli(db.storage, ['stations'])).join('\n');
    for (const station of [...stations, late]) expect(listed).toMatch(new RegExp(`${station}\tenrolled\tlast seen`));
    expect(await db.query('SELECT * FROM dead_letters')).toEqual([]);
  });

  it('says on the technician screen, in words, that the centre refused the kiosk\'s code', async () => {
    const { url } = await startDemoServer(cleanup);
    // A kiosk handed a code the centre never issued (a typo in a station-config.json).
    const k = await openKiosk(chromium(), 'landscape', {
      url,
      beforeLoad: async (page) => {
        await page.route('**/station-config.json', (route) => route.fulfill({ json: { enrolmentCode: 'WRONG-CODE-0000', technician: { pinHash: DEMO_PIN_HASH } } }));
      },
    });
    cleanup.push(() => k.close());
    const { page } = k;
    const station = page.getByRole('button', { name: /幸福里社区红色驿站/ });
    for (let i = 0; i < 5; i += 1) await station.tap();
    await page.getByRole('heading', { name: '技术员入口' }).waitFor();
    for (const d of DEMO_PIN) await page.getByRole('button', { name: d, exact: true }).tap();
    await k.tap('进入');
    await page.getByRole('heading', { name: '设备诊断' }).waitFor();
    await page.getByRole('alert').filter({ hasText: '社区中心拒绝了本机的注册码' }).waitFor({ timeout: 30_000 });
    await k.state('technician-enrolment-refused');
    await k.axe('technician-enrolment-refused');
  });
});
