import type { StationHealth } from '@protocol/console/stations.ts';
import { describe, expect, it } from 'vitest';
import { matchesHealth } from './health-filter.ts';

const station = (id: string, name: string, patch: Partial<StationHealth> = {}, beat: Partial<NonNullable<StationHealth['heartbeat']>> = {}): StationHealth => ({
  station: { id, name, communityId: 'xfl', enrolled: true, revokedAt: null, createdAt: '2026-01-01T00:00:00Z' },
  online: true,
  since: '2026-03-01T00:00:00Z',
  silent: false,
  heartbeat: { appVersion: '0.1.0', recordsWaiting: 0, storageUsed: 1, storageQuota: 2_000_000_001, storageLeft: 2_000_000_000, storageGrowthPerDay: null, storageFullInDays: null, deadLetters: 0, clockSkewMs: 0, lastError: null, sentAt: '2026-03-05T00:00:00Z', receivedAt: '2026-03-05T00:00:00Z', ...beat },
  unresolvedDeadLetters: 0,
  ...patch,
});

const board = [
  station('east-gate', '东门驿站'),
  station('pump-room', '水泵房驿站', { online: false, silent: true }),
  station('north', '北区驿站', {}, { recordsWaiting: 12 }),
  station('west', '西区驿站', { unresolvedDeadLetters: 2 }),
  station('south', '南区驿站', {}, { lastError: 'push failed: 503' }),
  station('tablet', '平板待核对驿站', {}, { deadLetters: 1 }),
  station('low', '低空间驿站', {}, { storageLeft: 100 * 1024 * 1024 }),
  station('filling', '快满驿站', {}, { storageGrowthPerDay: 100_000_000, storageFullInDays: 20 }),
  station('slow', '慢增驿站', {}, { storageGrowthPerDay: 1_000_000, storageFullInDays: 2000 }),
];
const ids = (state: Parameters<typeof matchesHealth>[1], text = '') => board.filter((health) => matchesHealth(health, state, text)).map((health) => health.station.id);

describe('filtering the health board', () => {
  it('shows each state', () => {
    expect(ids('all')).toHaveLength(9);
    expect(ids('offline')).toEqual(['pump-room']);
    expect(ids('silent')).toEqual(['pump-room']);
    expect(ids('waiting')).toEqual(['north']);
    // Dead letters at the centre, or refused records the tablet still shows its residents: both want someone.
    expect(ids('errors')).toEqual(['west', 'south', 'tablet']);
    // Low today, or full within a month at its growth; a slow grower with years left is fine.
    expect(ids('storage')).toEqual(['low', 'filling']);
  });

  it('finds by name or id', () => {
    expect(ids('all', '水泵')).toEqual(['pump-room']);
    expect(ids('all', 'EAST')).toEqual(['east-gate']);
    expect(ids('online', '水泵')).toEqual([]);
  });
});
