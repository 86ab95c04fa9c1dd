import type { RequestStatusEntry } from '@protocol/centre.ts';
import type { RequestEvent, ResidentRequest } from '@protocol/records.ts';
import { describe, expect, it } from 'vitest';
import type { DeadLetterRow } from '../store/db.ts';
import { checkStep, orderRequests, requestView } from './station-requests.ts';

let n = 0;
const id = () => `0190a0a0-0000-7000-8000-${String((n += 1)).padStart(12, '0')}`;
const at = (minute: number) => new Date(Date.UTC(2026, 11, 1, 2, minute)).toISOString();
const request = (minute = 0): ResidentRequest => ({ id: id(), stationId: 's', at: at(minute), v: 1, kind: 'request', requestKind: 'wish', category: 'repair', phrases: [], number: '1201001' });
const event = (r: ResidentRequest, type: RequestEvent['type'], minute: number, extra: Partial<RequestEvent> = {}): RequestEvent => ({
  id: id(),
  stationId: 's',
  at: at(minute),
  v: 1,
  kind: 'request-event',
  requestId: r.id,
  type,
  actor: type === 'submit' ? 'resident' : 'member',
  ...extra,
});
const none = new Map<string, DeadLetterRow>();
const seen = new Set<string>();

describe('requestView', () => {
  it('folds this tablet’s own steps when the server has not answered yet', () => {
    const r = request();
    const view = requestView(r, [event(r, 'take', 2, { memberId: 'li' }), event(r, 'submit', 0), event(r, 'note', 3, { memberId: 'li', note: '已联系' })], undefined, none, seen);
    expect(view.status).toBe('taken');
    expect(view.assignment.takenBy).toEqual({ type: 'member', memberId: 'li' });
    expect(view.notes.map((e) => e.note)).toEqual(['已联系']);
  });

  it('takes the server’s status as the truth and shows the tablet’s step it refused, with who has the request', () => {
    const r = request();
    const mine = event(r, 'take', 2, { memberId: 'wang' });
    const server: RequestStatusEntry = { requestId: r.id, stationId: 's', status: 'taken', event: 'take', at: at(1), takenBy: { type: 'member', memberId: 'zhao' }, dispatchedTo: null };
    const dead = new Map([[mine.id, { seq: 3, id: mine.id, reason: 'illegal-transition', detail: 'wrong-state', at: at(4) }]]);
    const view = requestView(r, [event(r, 'submit', 0), mine], server, dead, seen);
    expect(view.status).toBe('taken');
    expect(view.assignment.takenBy).toEqual({ type: 'member', memberId: 'zhao' });
    expect(view.refused).toEqual([{ event: mine, reason: 'wrong-state' }]);
  });

  it('applies this tablet’s steps the server has not seen yet on top of its status', () => {
    const r = request();
    const server: RequestStatusEntry = { requestId: r.id, stationId: 's', status: 'dispatched', event: 'dispatch', at: at(1), dispatchedTo: { type: 'unit', unitId: 'hospital' } };
    const take = event(r, 'take', 5, { memberId: 'wang' });
    const view = requestView(r, [event(r, 'submit', 0), take], server, none, new Set([take.id]));
    expect(view.status).toBe('taken');
    expect(view.assignment).toEqual({ dispatchedTo: { type: 'unit', unitId: 'hospital' }, takenBy: { type: 'member', memberId: 'wang' } });
  });

  it('on a tablet clock 10 minutes fast, a take the centre handed back no longer shows as mine', () => {
    const r = request();
    // The tablet stamped its take at 02:15 by its own clock; the centre handed the request back at 02:08 by its.
    const take = event(r, 'take', 15, { memberId: 'wang' });
    const server: RequestStatusEntry = { requestId: r.id, stationId: 's', status: 'dispatched', event: 'handover', at: at(8), dispatchedTo: { type: 'unit', unitId: 'hospital' }, takenBy: null };
    const view = requestView(r, [event(r, 'submit', 0), take], server, none, seen);
    expect(view.status).toBe('dispatched');
    expect(view.assignment.takenBy).toBeNull();
    expect(checkStep(view, 'take', 'wang')).toEqual({ ok: true });
  });

  it('on a tablet clock 10 minutes slow, my own take made offline shows, and 接单 is not offered again', () => {
    const r = request();
    // The centre dispatched at 02:20 by its clock; the volunteer took it offline at 02:12 by the tablet's.
    const server: RequestStatusEntry = { requestId: r.id, stationId: 's', status: 'dispatched', event: 'dispatch', at: at(20), dispatchedTo: { type: 'unit', unitId: 'hospital' } };
    const take = event(r, 'take', 12, { memberId: 'wang' });
    const view = requestView(r, [event(r, 'submit', 0), take], server, none, new Set([take.id]));
    expect(view.status).toBe('taken');
    expect(view.assignment.takenBy).toEqual({ type: 'member', memberId: 'wang' });
    expect(checkStep(view, 'take', 'wang')).toEqual({ ok: false, reason: 'wrong-state' });
    expect(checkStep(view, 'complete', 'wang')).toEqual({ ok: true });
  });
});

describe('orderRequests', () => {
  it('lists open requests oldest first, then those in hand, then finished ones newest first', () => {
    const open1 = request(0);
    const open2 = request(1);
    const inHand = request(2);
    const done1 = request(3);
    const done2 = request(4);
    const views = [
      requestView(done1, [event(done1, 'submit', 3), event(done1, 'take', 10), event(done1, 'complete', 20)], undefined, none, seen),
      requestView(open2, [event(open2, 'submit', 1)], undefined, none, seen),
      requestView(inHand, [event(inHand, 'submit', 2), event(inHand, 'take', 5)], undefined, none, seen),
      requestView(done2, [event(done2, 'submit', 4), event(done2, 'take', 10), event(done2, 'complete', 15)], undefined, none, seen),
      requestView(open1, [event(open1, 'submit', 0)], undefined, none, seen),
    ];
    expect(orderRequests(views).map((v) => v.request.id)).toEqual([open1.id, open2.id, inHand.id, done1.id, done2.id]);
  });
});

describe('checkStep', () => {
  const held = (memberId: string | null, status: 'submitted' | 'taken' | 'done' = 'taken') => ({
    status,
    assignment: { dispatchedTo: null, takenBy: memberId ? { type: 'member' as const, memberId } : null },
  });

  it('lets a member take an open request, and finish or hand over only one they hold', () => {
    expect(checkStep(held(null, 'submitted'), 'take', 'wang')).toEqual({ ok: true });
    expect(checkStep(held('wang'), 'complete', 'wang')).toEqual({ ok: true });
    expect(checkStep(held('wang'), 'handover', 'wang')).toEqual({ ok: true });
    expect(checkStep(held('zhao'), 'complete', 'wang')).toEqual({ ok: false, reason: 'not-yours' });
  });

  it('refuses with the shared state machine’s reason, and says when someone else holds it', () => {
    expect(checkStep(held('zhao'), 'take', 'wang')).toEqual({ ok: false, reason: 'taken-by-other' });
    expect(checkStep(held(null, 'done'), 'take', 'wang')).toEqual({ ok: false, reason: 'wrong-state' });
    expect(checkStep(held(null, 'submitted'), 'complete', 'wang')).toEqual({ ok: false, reason: 'wrong-state' });
    expect(checkStep({ status: null, assignment: held(null).assignment }, 'take', 'wang')).toEqual({ ok: false, reason: 'not-yet-submitted' });
    expect(checkStep(held(null, 'done'), 'note', 'wang')).toEqual({ ok: true });
  });
});
