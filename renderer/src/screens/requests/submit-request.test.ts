import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/support/render-screen.tsx';
import type { YizhanDb } from '../../store/db.ts';
import { groupRequestNumber, isRequestNumber, requestNumberAt, requestNumberDigits } from '@shared/format/request-number.ts';
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

  it('numbers a request by the minute it was made (from 2026, plus 2,000,000), one above the last when that is taken', async () => {
    db = await freshDb();
    const numberAt = async (at: string) => (await submitRequest(db, 's', draft, new Date(at))).request.number;
    // 2026-11-27 09:00 in Beijing is minute 475,740 of 2026.
    expect(await numberAt('2026-11-27T09:00:00+08:00')).toBe('2475740');
    expect(await numberAt('2026-11-27T09:00:30+08:00')).toBe('2475741');
    expect(await numberAt('2026-11-27T09:01:00+08:00')).toBe('2475742');
    expect(await numberAt('2026-11-27T18:00:00+08:00')).toBe('2476280');
    // The tablet's clock set back: still above every number this tablet gave.
    expect(await numberAt('2026-11-27T08:00:00+08:00')).toBe('2476281');
    // The same day and time a year later is another number (MMDD numbers came round again every year).
    expect(await numberAt('2027-11-27T09:00:00+08:00')).toBe('3001340');
  });

  it('never gives a number of the station twice, even after the tablet is wiped and starts a new database', async () => {
    db = await freshDb();
    const before = [];
    for (const at of ['09:00:00', '09:00:10', '09:00:20']) before.push((await submitRequest(db, 's', draft, new Date(`2026-11-27T${at}+08:00`))).request.number);
    await db.delete();
    // A technician wipes and re-enrols the tablet: a new, empty database, offline, a few minutes later.
    db = await freshDb();
    const after = (await submitRequest(db, 's', draft, new Date('2026-11-27T09:05:00+08:00'))).request.number;
    expect(before).toEqual(['2475740', '2475741', '2475742']);
    expect(after).toBe('2475745');
  });

  it('writes nothing at all when the event cannot be written, and the number is not used up', async () => {
    db = await freshDb();
    const failing = () => {
      throw new Error('disk said no');
    };
    db.requestEvents.hook('creating', failing);
    await expect(submitRequest(db, 's', draft, new Date('2026-11-27T09:00:00+08:00'))).rejects.toThrow();
    expect(await db.requests.count()).toBe(0);
    expect(await db.requestEvents.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
    db.requestEvents.hook('creating').unsubscribe(failing);
    expect((await submitRequest(db, 's', draft, new Date('2026-11-27T09:00:00+08:00'))).request.number).toBe('2475740');
  });

  it('refuses a record the shared schema rejects', async () => {
    db = await freshDb();
    await expect(submitRequest(db, 's', { ...draft, phrases: Array.from({ length: 11 }, (_, i) => `p${i}`) })).rejects.toThrow();
    expect(await db.outbox.count()).toBe(0);
  });
});

describe('request numbers', () => {
  it('are seven digits (eight from 2041), grouped four and the rest for reading', () => {
    expect(requestNumberAt(new Date('2026-01-01T00:00:00+08:00'))).toBe(2_000_000);
    expect(requestNumberAt(new Date('2025-06-01T00:00:00+08:00'))).toBe(2_000_000);
    expect(String(requestNumberAt(new Date('2041-03-19T00:00:00+08:00')))).toHaveLength(8);
    expect(requestNumberDigits(new Date('2026-11-27T09:00:00+08:00'))).toBe(7);
    expect(requestNumberDigits(new Date('2041-03-19T00:00:00+08:00'))).toBe(8);
    expect(isRequestNumber('2475740')).toBe(true);
    expect(isRequestNumber('12475740')).toBe(true);
    expect(isRequestNumber('247574')).toBe(false);
    expect(isRequestNumber('124757401')).toBe(false);
    expect(isRequestNumber('247574a')).toBe(false);
    expect(groupRequestNumber('2475740')).toBe('2475-740');
    expect(groupRequestNumber('112')).toBe('112');
  });
});
