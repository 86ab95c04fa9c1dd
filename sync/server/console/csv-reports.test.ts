import { describe, expect, it } from 'vitest';
import { visitLogCsv, visitsCsv } from './csv-reports.ts';

const lines = (csv: string) => csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');

describe('report CSVs', () => {
  it('writes each visit at its station\'s local time (UTC+8), whatever offset the kiosk wrote', () => {
    const names = new Map([['xf-1', '幸福驿站']]);
    const csv = visitLogCsv(
      'en',
      [
        { id: 'a', stationId: 'xf-1', at: '2026-03-01T23:59:30.000Z', receivedAt: '2026-03-02T00:01:00.000Z', clockSkewMs: null, who: 'resident', purpose: 'health' },
        { id: 'b', stationId: 'xf-1', at: '2026-03-01T16:05:00+08:00', receivedAt: '2026-03-01T08:06:00.000Z', clockSkewMs: null, who: 'nearby', purpose: 'bills' },
        { id: 'c', stationId: 'xf-1', at: '2026-12-31T16:00:00.000Z', receivedAt: '2027-01-01T02:30:00.000Z', clockSkewMs: -600_000, who: 'visitor', purpose: 'health' },
      ],
      names,
    );
    expect(lines(csv)).toEqual([
      'Record id,Station id,Station,Time,Visitor,Purpose,Received by the centre,Tablet clock off by (minutes)',
      'a,xf-1,幸福驿站,2026-03-02 07:59,resident,health,2026-03-02 08:01,',
      'b,xf-1,幸福驿站,2026-03-01 16:05,nearby,bills,2026-03-01 16:06,',
      'c,xf-1,幸福驿站,2027-01-01 00:00,visitor,health,2027-01-01 10:30,-10',
    ]);
  });

  it('orders the visits table by day, station and purpose', () => {
    const row = (day: string, stationId: string, key: string, count: number) => ({ metric: 'visit', day, stationId, key, count, total: 0 });
    const csv = visitsCsv('en', [row('2026-03-02', 'xf-1', 'bills', 1), row('2026-03-01', 'xf-2', 'bills', 2), row('2026-03-01', 'xf-1', 'health', 3), row('2026-03-01', 'xf-1', 'bills', 4)], new Map());
    expect(lines(csv).slice(1).map((line) => line.split(',').slice(0, 2).concat(line.split(',')[3]!).join(' '))).toEqual([
      '2026-03-01 xf-1 bills',
      '2026-03-01 xf-1 health',
      '2026-03-01 xf-2 bills',
      '2026-03-02 xf-1 bills',
    ]);
  });
});
