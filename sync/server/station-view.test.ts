import { describe, expect, it } from 'vitest';
import type { Change } from '../protocol/wire.ts';
import { changeForStation } from './station-view.ts';

const service = (stationIds?: string[]): Change => ({ seq: '7', collection: 'services', id: 'haircut', op: 'put', value: { id: 'haircut', ...(stationIds ? { stationIds } : {}) } });

describe('changeForStation', () => {
  it('sends a service to the stations that offer it, and as withdrawn to the others', () => {
    expect(changeForStation(service(['xf-1']), 'xf-1')).toEqual(service(['xf-1']));
    expect(changeForStation(service(['xf-1']), 'xf-2')).toEqual({ seq: '7', collection: 'services', id: 'haircut', op: 'delete' });
    expect(changeForStation(service([]), 'xf-1')).toMatchObject({ op: 'delete' });
  });

  it('sends a service without a station list, a withdrawal, and every other collection as they are', () => {
    expect(changeForStation(service(), 'xf-2')).toEqual(service());
    const withdrawn: Change = { seq: '8', collection: 'services', id: 'haircut', op: 'delete' };
    expect(changeForStation(withdrawn, 'xf-2')).toBe(withdrawn);
    const notice: Change = { seq: '9', collection: 'notices', id: 'fair', op: 'put', value: { stationIds: ['xf-1'] } };
    expect(changeForStation(notice, 'xf-2')).toBe(notice);
  });
});
