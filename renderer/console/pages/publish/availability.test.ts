import type { Service } from '@protocol/catalogue.ts';
import { serviceSchema } from '@protocol/catalogue.ts';
import { describe, expect, it } from 'vitest';
import { availableAt, withAvailability } from './availability.ts';

const text = (zh: string) => ({ 'zh-CN': zh, en: zh });
const service: Service = {
  id: 'clinic',
  categoryId: 'health',
  name: text('义诊'),
  icon: '🩺',
  summary: text('每月义诊'),
  provider: text('社区卫生服务中心'),
  hours: text('每月第一个周六'),
  extended: [],
  bring: [],
  ways: [{ type: 'volunteer' }],
  order: 1,
};
const stations = ['east', 'west', 'north'];

describe('per-station availability of a community service', () => {
  it('reads no list as every station', () => {
    expect(stations.every((id) => availableAt(service, id))).toBe(true);
  });

  it('unticking one station lists the others; ticking it again goes back to all', () => {
    const withoutWest = withAvailability(service, stations, 'west', false);
    expect(withoutWest.stationIds).toEqual(['east', 'north']);
    expect(serviceSchema.parse(withoutWest)).toEqual(withoutWest);
    const all = withAvailability(withoutWest, stations, 'west', true);
    expect(all).not.toHaveProperty('stationIds');
    expect(all).toEqual(service);
  });

  it('can offer a service at no station at all', () => {
    let none = service;
    for (const id of stations) none = withAvailability(none, stations, id, false);
    expect(none.stationIds).toEqual([]);
    expect(stations.some((id) => availableAt(none, id))).toBe(false);
  });
});
