import { describe, expect, it } from 'vitest';
import { instantFromStationLocal, stationLocalInput } from './station-time.ts';

describe('station clock times in forms', () => {
  it('shows an instant as the stations\' wall clock', () => {
    expect(stationLocalInput('2026-03-04T23:30:00Z')).toBe('2026-03-05T07:30');
  });

  it('reads a wall-clock time as that time at UTC+8', () => {
    const iso = instantFromStationLocal('2026-03-05T07:30');
    expect(iso).toBe('2026-03-05T07:30:00+08:00');
    expect(Date.parse(iso ?? '')).toBe(Date.parse('2026-03-04T23:30:00Z'));
    expect(stationLocalInput(iso ?? '')).toBe('2026-03-05T07:30');
  });

  it('refuses what is not a time', () => {
    expect(instantFromStationLocal('')).toBeNull();
    expect(instantFromStationLocal('2026-02-30T10:00')).toBeNull();
    expect(instantFromStationLocal('2026-03-05 07:30')).toBeNull();
  });
});
