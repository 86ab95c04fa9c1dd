import { newId } from '@protocol/ids.ts';
import type { Actor, RequestEventType } from '@protocol/records.ts';
import { dayKey } from '@protocol/time.ts';
import { afterEach, describe, expect, it } from 'vitest';
import { freshDb } from '../../../../tests/support/render-screen.tsx';
import type { YizhanDb } from '../../store/db.ts';
import { findRequest } from './find-request.ts';
import { submitRequest } from './submit-request.ts';

let db: YizhanDb;
afterEach(async () => {
  await db?.delete();
});

const draft = {
  requestKind: 'wish' as const,
  category: 'elder-care',
  phrases: ['meals'],
  text: '3号楼2单元',
  contact: { name: '王阿姨', phone: '13812345678', consentAt: '2026-11-27T01:00:00.000Z' },
};

/** An event as sync will deliver it from the centre, with the centre's own clock and offset. */
const addEvent = (requestId: string, type: RequestEventType, actor: Actor, at: string, id = newId()) =>
  db.requestEvents.add({ id, stationId: 'demo-station', at, v: 1, kind: 'request-event', requestId, type, actor, day: dayKey(new Date(at)) });

describe('findRequest', () => {
  it('is null for a number this tablet does not have', async () => {
    db = await freshDb();
    expect(await findRequest(db, '1127001')).toBeNull();
  });

  it('orders events by time across offsets, ignores refused ones and lists the steps ahead', async () => {
    db = await freshDb();
    const { request } = await submitRequest(db, 'demo-station', draft, new Date('2026-11-27T09:00:00+08:00'));
    // Stored out of order and in another offset: 10:00+08:00 is 02:00Z, before the take at 03:00Z.
    await addEvent(request.id, 'take', 'member', '2026-11-27T03:00:00Z');
    await addEvent(request.id, 'dispatch', 'centre', '2026-11-27T10:00:00+08:00');
    // A resident cannot complete a request: the state machine refuses it and the status stays 'taken'.
    await addEvent(request.id, 'complete', 'resident', '2026-11-27T04:00:00Z');
    const found = await findRequest(db, request.number);
    expect(found?.status).toBe('taken');
    expect(found?.reached.map((r) => r.status)).toEqual(['submitted', 'dispatched', 'taken']);
    expect(found?.ahead).toEqual(['done', 'rated']);
  });

  it('breaks a tie in time by id', async () => {
    db = await freshDb();
    const { request } = await submitRequest(db, 'demo-station', draft, new Date('2026-11-27T09:00:00+08:00'));
    const at = '2026-11-27T02:00:00Z';
    const [first, second] = [newId(), newId()].sort();
    await addEvent(request.id, 'take', 'member', at, second);
    await addEvent(request.id, 'dispatch', 'centre', at, first);
    expect((await findRequest(db, request.number))?.status).toBe('taken');
  });

  it('shows cancelled with nothing ahead, and reopened with the loop ahead again', async () => {
    db = await freshDb();
    const { request } = await submitRequest(db, 'demo-station', draft, new Date('2026-11-27T09:00:00+08:00'));
    await addEvent(request.id, 'cancel', 'resident', '2026-11-27T02:00:00Z');
    expect(await findRequest(db, request.number)).toMatchObject({ status: 'cancelled', ahead: [] });
    await addEvent(request.id, 'reopen', 'centre', '2026-11-27T03:00:00Z');
    expect(await findRequest(db, request.number)).toMatchObject({ status: 'reopened', ahead: ['dispatched', 'taken', 'done', 'rated'] });
  });

  it('gives only what may be shown to whoever types the number: no contact, no free text', async () => {
    db = await freshDb();
    const { request } = await submitRequest(db, 'demo-station', draft, new Date('2026-11-27T09:00:00+08:00'));
    const found = await findRequest(db, request.number);
    expect(found?.request).toEqual({ number: request.number, requestKind: 'wish', category: 'elder-care', phrases: ['meals'], at: request.at });
  });

  it('finds a request by its number however long ago it was made', async () => {
    db = await freshDb();
    const { request } = await submitRequest(db, 'demo-station', draft, new Date('2025-03-02T09:00:00+08:00'));
    expect((await findRequest(db, request.number))?.request.at).toBe(request.at);
  });

  it('takes the newest of an older kiosk\'s MMDD numbers, which came round every year', async () => {
    db = await freshDb();
    const older = (at: string, requestKind: 'wish' | 'dream') =>
      db.requests.add({ id: newId(), stationId: 'demo-station', at, v: 1, kind: 'request', requestKind, category: 'elder-care', phrases: [], number: '1127001', day: dayKey(new Date(at)) });
    await older('2025-11-27T01:00:00Z', 'wish');
    await older('2026-11-27T01:00:00Z', 'dream');
    expect((await findRequest(db, '1127001'))?.request.requestKind).toBe('dream');
  });
});
