import { cleanup, render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { I18nextProvider } from 'react-i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { bridgeClient } from '@shell/bridge.ts';
import { fastDerive } from '@shell/testing/fast-derive.ts';
import { MemoryStorage } from '../../../../tests/support/memory-storage.ts';
import { freshDb, recordingSpeech } from '../../../../tests/support/render-screen.tsx';
import { NavigationProvider } from '../../app/navigation.tsx';
import { ReadAloudProvider } from '../../app/read-aloud.tsx';
import { SessionProvider } from '../../app/session.tsx';
import { createI18n } from '../../i18n/index.ts';
import { createWebKiosk } from '../../platform/kiosk-bridge/web.ts';
import { commitRecord } from '../../store/commit.ts';
import type { YizhanDb } from '../../store/db.ts';
import { StoreProvider } from '../../store/StoreProvider.tsx';
import { SyncIndicator } from '../../sync/SyncIndicator.tsx';
import { submitRequest } from '../requests/submit-request.ts';
import { SyncProvider } from '../../sync/SyncProvider.tsx';
import { Diagnostics } from './Diagnostics.tsx';

const DAY = 86_400_000;
const MiB = 1024 * 1024;
const TOKEN = 'yz1_0123456789abcdefghijklmnopqrstuvwxyzABCDEFG';

let db: YizhanDb;
beforeEach(async () => {
  db = await freshDb();
});
// The database is left to the test run (its name is unique): a round still in flight when the screen unmounts
// would find it deleted under it.
afterEach(() => {
  cleanup();
  vi.unstubAllGlobals();
  Reflect.deleteProperty(navigator, 'storage');
});

/** A centre that answers every round, its clock `aheadMs` ahead of the tablet's. */
const centre = (aheadMs: number) =>
  vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const serverTime = new Date(Date.now() + aheadMs).toISOString();
    const body = JSON.parse(String(init?.body ?? '{}')) as { epoch?: string };
    const answer = path.endsWith('/api/push')
      ? { epoch: body.epoch, appliedSeq: 0, deadLetters: [], serverTime }
      : path.endsWith('/api/pull')
        ? { changes: [], cursor: '1', hasMore: false, reset: false, serverTime }
        : { serverTime };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  });

/**
 * A centre that applies every push and refuses the request events `refuses` picks as its state machine does when
 * the request has moved on: illegal-transition, wrong-state.
 */
const refusingCentre = (refuses: (record: { kind: string; type?: string; actor?: string }) => boolean) =>
  vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    const path = new URL(String(input)).pathname;
    const serverTime = new Date().toISOString();
    const body = JSON.parse(String(init?.body ?? '{}')) as { epoch?: string; entries?: { seq: number; record: { id: string; kind: string; type?: string; actor?: string } }[] };
    const entries = body.entries ?? [];
    const answer = path.endsWith('/api/push')
      ? {
          epoch: body.epoch,
          appliedSeq: entries.at(-1)?.seq ?? 0,
          deadLetters: entries.filter((entry) => refuses(entry.record)).map((entry) => ({ seq: entry.seq, id: entry.record.id, reason: 'illegal-transition', detail: 'wrong-state' })),
          serverTime,
        }
      : path.endsWith('/api/pull')
        ? { changes: [], cursor: '1', hasMore: false, reset: false, serverTime }
        : { serverTime };
    return new Response(JSON.stringify(answer), { status: 200, headers: { 'content-type': 'application/json' } });
  });

const renderDiagnostics = async () => {
  const kiosk = bridgeClient(
    createWebKiosk({ db, localStorage: new MemoryStorage(), loadConfig: async () => ({ serverUrl: 'http://127.0.0.1:9' }), origin: 'http://127.0.0.1:9', derive: fastDerive, appVersion: 'test', userAgent: 'test' }),
    'web',
  );
  await kiosk.call('credential:set', { token: TOKEN });
  // Enrolled, and the centre's data already read once: a round only pushes, pulls what is new and reports.
  await db.meta.bulkPut([
    { key: 'sync.credentials', value: { stationId: 'demo-station' } },
    { key: 'sync.cursor', value: '1' },
    { key: 'sync.pullComplete', value: true },
  ]);
  render(
    <I18nextProvider i18n={createI18n('zh-CN')}>
      <StoreProvider db={db} fallback={<p>loading</p>}>
        <SessionProvider defaultLanguage="zh-CN">
          <ReadAloudProvider language="zh-CN" speech={recordingSpeech()}>
            <NavigationProvider>
              <SyncProvider db={db} bridge={Promise.resolve(kiosk)} appVersion="test">
                <SyncIndicator />
                <Diagnostics bridge={kiosk} onSessionEnded={() => undefined} />
              </SyncProvider>
            </NavigationProvider>
          </ReadAloudProvider>
        </SessionProvider>
      </StoreProvider>
    </I18nextProvider>,
  );
};

describe('Diagnostics', () => {
  it('shows the storage the last heartbeat measured, its trend from the samples kept, and warns of a skewed clock', async () => {
    // Ten days ago the kiosk used 39.9 MiB; today the browser says 50 MiB of 1 GiB: about 1 MiB a day.
    await db.meta.put({ key: 'storage.samples', value: [{ at: new Date(Date.now() - 10 * DAY).toISOString(), used: 39.9 * MiB }] });
    Object.defineProperty(navigator, 'storage', { configurable: true, value: { estimate: async () => ({ usage: 50 * MiB, quota: 1024 * MiB }) } });
    const fetch = centre(-12 * 3_600_000);
    vi.stubGlobal('fetch', fetch);
    await renderDiagnostics();

    const card = within(await screen.findByRole('region', { name: '本机存储' }));
    const used = await card.findByText('50.0 MiB / 1.0 GiB', {}, { timeout: 5_000 });
    expect(used.previousElementSibling?.textContent).toBe('本机数据用量 / 可用上限');
    expect(card.getByText('增长趋势').nextElementSibling?.textContent).toBe('每天 +1.0 MiB');
    expect(screen.getByRole('alert').textContent).toContain('本机时钟比社区中心快了约 12 小时');
    const heartbeat = fetch.mock.calls.find(([input]) => String(input).endsWith('/api/heartbeat'));
    const sent = JSON.parse(String(heartbeat?.[1]?.body)) as { storageUsed: number; storageQuota: number; storageGrowthPerDay: number };
    expect(sent).toMatchObject({ storageUsed: 50 * MiB, storageQuota: 1024 * MiB });
    expect(sent.storageGrowthPerDay).toBeGreaterThan(MiB);
    expect(sent.storageGrowthPerDay).toBeLessThan(1.02 * MiB);
  });

  it('never says synced while the centre holds refused records: the residents read a calm count, the technician the reasons and what to do, and acknowledging brings 已同步 back', async () => {
    const at = new Date(Date.now() - 3_600_000).toISOString();
    await db.deadLetters.bulkPut([
      { seq: 3, id: 'r3', reason: 'wrong-station', detail: null, at },
      { seq: 4, id: 'r4', reason: 'wrong-station', detail: null, at },
      // A reason from a newer centre than this kiosk: counted, and said as "other".
      { seq: 7, id: 'r7', reason: 'quota-exceeded', detail: null, at },
    ]);
    const fetch = centre(0);
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    await renderDiagnostics();

    const statusLine = () => document.querySelector('[data-sync-phase]');
    // A whole round is over (pushed, pulled, reported) and the line still does not claim "synced".
    const heartbeat = () => fetch.mock.calls.find(([input]) => String(input).endsWith('/api/heartbeat'));
    await vi.waitFor(() => expect(heartbeat()).toBeDefined(), { timeout: 5_000 });
    expect(JSON.parse(String(heartbeat()?.[1]?.body))).toMatchObject({ deadLetters: 3 });
    await vi.waitFor(() => expect(statusLine()?.getAttribute('data-sync-phase')).toBe('idle'), { timeout: 5_000 });
    expect(statusLine()?.textContent).toBe('3 条记录待工作人员核对');
    expect(statusLine()?.className).toContain('pill--warn');

    const card = within(screen.getByRole('region', { name: '社区中心拒收了 3 条记录' }));
    const reasons = card.getAllByRole('listitem').map((item) => item.textContent);
    expect(reasons).toEqual([
      '2 条标着别的站点编号。 本机的站点设置与注册的站点不一致：核对“修改站点设置”里的站点编号。',
      '1 条因其他原因被拒收。 报给社区中心。',
    ]);
    expect(card.getByText(/请把本站编号 demo-station 告诉社区中心（他们可用 dead-letters demo-station 查看这些记录）/)).toBeInTheDocument();

    await user.click(card.getByRole('button', { name: '已告知社区中心' }));
    await vi.waitFor(() => expect(statusLine()?.textContent).toMatch(/^已同步 \d\d:\d\d$/), { timeout: 5_000 });
    expect(screen.queryByRole('region', { name: /社区中心拒收了/ })).toBeNull();
    // Kept, with the time the technician acknowledged them: the tablet's own account of what the centre refused.
    expect((await db.deadLetters.toArray()).every((dead) => dead.acknowledgedAt !== undefined)).toBe(true);
  });

  it('says synced after a volunteer’s take lost the race to the centre (the request card tells the volunteer), but not after a resident’s step was refused', async () => {
    const draft = { requestKind: 'wish' as const, category: 'home-repair', phrases: ['water-leak'] };
    const { request } = await submitRequest(db, 'demo-station', draft);
    await commitRecord(db, 'request-event', 'demo-station', () => ({ kind: 'request-event', requestId: request.id, type: 'take', actor: 'member', memberId: 'wang-xiulan' }));
    const fetch = refusingCentre((record) => record.kind === 'request-event' && record.type !== 'submit');
    vi.stubGlobal('fetch', fetch);
    const user = userEvent.setup();
    await renderDiagnostics();

    const statusLine = () => document.querySelector('[data-sync-phase]');
    await vi.waitFor(() => expect(statusLine()?.textContent).toMatch(/^已同步 \d\d:\d\d$/), { timeout: 5_000 });
    expect(screen.queryByRole('region', { name: /社区中心拒收了/ })).toBeNull();
    expect(await db.deadLetters.toArray()).toMatchObject([{ reason: 'illegal-transition', lostRace: true }]);

    // The resident cancels; the centre refuses that too. Not a race a volunteer is told of: a technician's matter.
    await commitRecord(db, 'request-event', 'demo-station', () => ({ kind: 'request-event', requestId: request.id, type: 'cancel', actor: 'resident' }));
    await user.click(screen.getByRole('button', { name: '立即同步' }));
    await vi.waitFor(() => expect(statusLine()?.textContent).toBe('1 条记录待工作人员核对'), { timeout: 5_000 });
    const card = within(await screen.findByRole('region', { name: '社区中心拒收了 1 条记录' }));
    expect(card.getByRole('listitem')).toHaveTextContent('1 条诉求的处理顺序不对。');
  });
});
