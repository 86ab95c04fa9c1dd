import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/support/render-screen.tsx';
import type { YizhanDb } from '../../store/db.ts';
import { groupRequestNumber, isRequestNumber, requestNumber } from '@shared/format/request-number.ts';
import { submitRequest } from './submit-request.ts';

let db: YizhanDb;
afterEach(async () => {
  await db?.delete();
});

const draft = { requestKind: 'complaint' as const, category: 'home-repair', phrases: ['water-leak'] };

describe('submitRequest', () => {
  it('writes the request, its submit event and both outbox entries, request first', async () => {
    db = await freshDb();
    const now = new Date('2026-11-27T10:00:00+08:00');
    const { request, event } = await submitRequest(db, 'demo-station', draft, now);
    expect(request).toMatchObject({ kind: 'request', ...draft, stationId: 'demo-station', at: now.toISOString() });
    expect(event).toMatchObject({ kind: 'request-event', requestId: request.id, type: 'submit', actor: 'resident', at: request.at });
    expect(await db.requests.toArray()).toEqual([expect.objectContaining({ id: request.id })]);
    expect(await db.requestEvents.toArray()).toEqual([expect.objectContaining({ id: event.id })]);
    expect(await db.outbox.toArray()).toEqual([
      { seq: 1, kind: 'request', id: request.id, record: request },
      { seq: 2, kind: 'request-event', id: event.id, record: event },
    ]);
  });

  it('numbers requests MMDD + a three-digit counter that restarts each day', async () => {
    db = await freshDb();
    const numberAt = async (at: string) => (await submitRequest(db, 's', draft, new Date(at))).request.number;
    expect(await numberAt('2026-11-27T09:00:00')).toBe('1127001');
    expect(await numberAt('2026-11-27T18:00:00')).toBe('1127002');
    expect(await numberAt('2026-11-28T08:00:00')).toBe('1128001');
    expect(await numberAt('2026-01-05T08:00:00')).toBe('0105001');
  });

  it('writes nothing at all when the event cannot be written, and the number is not used up', async () => {
    db = await freshDb();
    const failing = () => {
      throw new Error('disk said no');
    };
    db.requestEvents.hook('creating', failing);
    await expect(submitRequest(db, 's', draft, new Date('2026-11-27T09:00:00'))).rejects.toThrow();
    expect(await db.requests.count()).toBe(0);
    expect(await db.requestEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.requestEvents.hook('creating').unsubscribe(failing);
    expect((await submitRequest(db, 's', draft, new Date('2026-11-27T09:01:00'))).request.number).toBe('1127001');
  });

  it('refuses a record the shared schema rejects', async () => {
    db = await freshDb();
    await expect(submitRequest(db, 's', { ...draft, phrases: Array.from({ length: 11 }, (_, i) => `p${i}`) })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('request numbers', () => {
  it('are seven digits, grouped as day and counter for reading', () => {
    expect(requestNumber('2026-11-27', 7)).toBe('1127007');
    expect(isRequestNumber('1127007')).toBe(true);
    expect(isRequestNumber('112700')).toBe(false);
    expect(isRequestNumber('11270071')).toBe(false);
    expect(isRequestNumber('112700a')).toBe(false);
    expect(groupRequestNumber('1127007')).toBe('1127-007');
    expect(groupRequestNumber('112')).toBe('112');
  });
});
