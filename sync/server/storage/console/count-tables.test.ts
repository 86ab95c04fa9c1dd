import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ConsoleTestServer, enrolStation, kiosk, ORG, startConsoleServer, stationOutbox } from '../../testing/console.ts';
import { engines } from '../../testing/fixtures.ts';
import { countSources } from './count-tables.ts';
import type { CountRow } from './types.ts';

/**
 * The counters at three grains (daily, monthly, day totals) give the same sums whatever grain a range is read
 * from: whole months from the monthly rows, the days around them from the daily ones, charts by day from the
 * totals. Pushed through /api/push, read with storage.sumCounts, on both engines.
 */
describe('countSources', () => {
  it('reads whole months from the monthly counters and only the days around them from the daily ones', () => {
    expect(countSources({ from: '2026-01-15', to: '2026-04-10', by: ['key'] })).toEqual([
      { table: 'daily_counts', column: 'day', from: '2026-01-15', to: '2026-01-31' },
      { table: 'monthly_counts', column: 'month', from: '2026-02', to: '2026-03' },
      { table: 'daily_counts', column: 'day', from: '2026-04-01', to: '2026-04-10' },
    ]);
    expect(countSources({ from: '2025-12-01', to: '2026-11-30', by: ['station', 'key'] })).toEqual([{ table: 'monthly_counts', column: 'month', from: '2025-12', to: '2026-11' }]);
    expect(countSources({ from: '2024-02-01', to: '2024-02-29', by: ['key'] })).toEqual([{ table: 'monthly_counts', column: 'month', from: '2024-02', to: '2024-02' }]);
  });

  it('reads a range inside one month, or by day and key, from the daily counters, and without the key from the day totals', () => {
    expect(countSources({ from: '2026-02-02', to: '2026-02-28', by: ['key'] })).toEqual([{ table: 'daily_counts', column: 'day', from: '2026-02-02', to: '2026-02-28' }]);
    expect(countSources({ from: '2026-01-31', to: '2026-03-01', by: ['key'] })).toEqual([
      { table: 'daily_counts', column: 'day', from: '2026-01-31', to: '2026-01-31' },
      { table: 'monthly_counts', column: 'month', from: '2026-02', to: '2026-02' },
      { table: 'daily_counts', column: 'day', from: '2026-03-01', to: '2026-03-01' },
    ]);
    expect(countSources({ from: '2026-01-01', to: '2026-12-31', by: ['day', 'key'] })).toEqual([{ table: 'daily_counts', column: 'day', from: '2026-01-01', to: '2026-12-31' }]);
    expect(countSources({ from: '2026-01-01', to: '2026-12-31', by: ['station'] })).toEqual([{ table: 'daily_totals', column: 'day', from: '2026-01-01', to: '2026-12-31' }]);
  });
});

describe.each(engines())('report counters on %s', (engine) => {
  let t: ConsoleTestServer;
  const [first, second] = ORG.a.stations;

  /** Noon, Beijing time, of a local day. */
  const noon = (day: string) => new Date(`${day}T04:00:00.000Z`);
  const pushed: { stationId: string; day: string; purpose: string; who: string }[] = [
    { stationId: first, day: '2026-01-30', purpose: 'health', who: 'resident' },
    { stationId: first, day: '2026-01-31', purpose: 'health', who: 'nearby' },
    { stationId: first, day: '2026-02-01', purpose: 'bills', who: 'resident' },
    { stationId: second, day: '2026-02-14', purpose: 'health', who: 'visitor' },
    { stationId: first, day: '2026-02-28', purpose: 'bills', who: 'resident' },
    { stationId: second, day: '2026-03-01', purpose: 'health', who: 'resident' },
    { stationId: first, day: '2026-03-02', purpose: 'seniors', who: 'resident' },
    { stationId: first, day: '2026-03-02', purpose: 'health', who: 'resident' },
  ];

  beforeAll(async () => {
    t = await startConsoleServer(engine);
    for (const stationId of [first, second]) {
      const outbox = stationOutbox(t, stationId, await enrolStation(t, stationId));
      // Two pushes, so the second adds to counters the first made.
      const mine = pushed.filter((v) => v.stationId === stationId).map((v) => kiosk(stationId, noon(v.day)).visit(v.purpose, v.who));
      await outbox.push(...mine.slice(0, 2));
      if (mine.length > 2) await outbox.push(...mine.slice(2));
    }
  });
  afterAll(async () => t?.close());

  const expected = (from: string, to: string, group: (v: (typeof pushed)[number]) => string, stationId?: string) => {
    const sums = new Map<string, number>();
    for (const v of pushed.filter((v) => v.day >= from && v.day <= to && (stationId === undefined || v.stationId === stationId))) sums.set(group(v), (sums.get(group(v)) ?? 0) + 1);
    return Object.fromEntries([...sums].sort());
  };
  const summed = (rows: CountRow[], group: (r: CountRow) => string) => Object.fromEntries(rows.map((r) => [group(r), r.count] as const).sort());

  it.each([
    ['across two month edges', '2026-01-31', '2026-03-01'],
    ['one whole month', '2026-02-01', '2026-02-28'],
    ['days inside a month', '2026-01-30', '2026-01-31'],
    ['whole months and the days after them', '2026-01-01', '2026-03-02'],
  ])('sums by key and by station and key %s as the visits were pushed', async (_name, from, to) => {
    const byKey = await t.storage.sumCounts({ metrics: ['visit', 'visit-who'], stationIds: null, from, to, by: ['key'] });
    expect(summed(byKey.filter((r) => r.metric === 'visit'), (r) => r.key!)).toEqual(expected(from, to, (v) => v.purpose));
    expect(summed(byKey.filter((r) => r.metric === 'visit-who'), (r) => r.key!)).toEqual(expected(from, to, (v) => v.who));
    const byStationKey = await t.storage.sumCounts({ metrics: ['visit'], stationIds: [second], from, to, by: ['station', 'key'] });
    expect(summed(byStationKey, (r) => `${r.stationId}/${r.key}`)).toEqual(expected(from, to, (v) => `${v.stationId}/${v.purpose}`, second));
  });

  it('a database counted before migration 007 gets its months and day totals from its daily counters', async () => {
    const [from, to] = ['2026-01-01', '2026-03-31'];
    const before = await t.storage.sumCounts({ metrics: ['visit', 'visit-who'], stationIds: null, from, to, by: ['station', 'key'] });
    await t.sql('DROP TABLE monthly_counts; DROP TABLE daily_totals; DROP INDEX console_requests_station_status; DELETE FROM schema_migrations WHERE version = 7;');
    await t.storage.migrate();
    const after = await t.storage.sumCounts({ metrics: ['visit', 'visit-who'], stationIds: null, from, to, by: ['station', 'key'] });
    expect(after).toHaveLength(before.length);
    expect(after).toEqual(expect.arrayContaining(before));
    expect(summed(await t.storage.sumCounts({ metrics: ['visit'], stationIds: null, from, to, by: ['day'] }), (r) => r.day!)).toEqual(expected(from, to, (v) => v.day));
  });

  it('sums by day and by station from the day totals, and by day and key from the daily counters', async () => {
    const [from, to] = ['2026-01-01', '2026-03-31'];
    expect(summed(await t.storage.sumCounts({ metrics: ['visit'], stationIds: null, from, to, by: ['day'] }), (r) => r.day!)).toEqual(expected(from, to, (v) => v.day));
    expect(summed(await t.storage.sumCounts({ metrics: ['visit'], stationIds: [first], from, to, by: ['station'] }), (r) => r.stationId!)).toEqual({ [first]: pushed.filter((v) => v.stationId === first).length });
    expect(summed(await t.storage.sumCounts({ metrics: ['visit'], stationIds: null, from, to, by: ['day', 'key'] }), (r) => `${r.day}/${r.key}`)).toEqual(expected(from, to, (v) => `${v.day}/${v.purpose}`));
  });
});
