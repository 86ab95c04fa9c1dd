import { describe, expect, it } from 'vitest';
import { applyRequestEvent, assignAfter, foldRequestEvents, foldRequestView, unassigned } from './request-state.ts';

describe('request state machine', () => {
  it('walks the whole loop: submitted → dispatched → taken → done → rated', () => {
    const { status, refused } = foldRequestEvents([
      { type: 'submit', actor: 'resident' },
      { type: 'dispatch', actor: 'centre' },
      { type: 'take', actor: 'member' },
      { type: 'complete', actor: 'member' },
      { type: 'rate', actor: 'resident' },
    ]);
    expect(status).toBe('rated');
    expect(refused).toEqual([]);
  });

  it('reopens a finished request and dispatches it again', () => {
    const { status } = foldRequestEvents([
      { type: 'submit', actor: 'resident' },
      { type: 'dispatch', actor: 'centre' },
      { type: 'take', actor: 'member' },
      { type: 'complete', actor: 'member' },
      { type: 'reopen', actor: 'resident' },
      { type: 'dispatch', actor: 'centre' },
    ]);
    expect(status).toBe('dispatched');
  });

  it('refuses illegal transitions with a reason, and keeps the status', () => {
    expect(applyRequestEvent(null, { type: 'take', actor: 'member' })).toEqual({ ok: false, reason: 'not-yet-submitted', from: null, event: 'take' });
    expect(applyRequestEvent('submitted', { type: 'submit', actor: 'resident' })).toMatchObject({ ok: false, reason: 'already-submitted' });
    expect(applyRequestEvent('submitted', { type: 'complete', actor: 'member' })).toMatchObject({ ok: false, reason: 'wrong-state' });
    expect(applyRequestEvent('cancelled', { type: 'take', actor: 'member' })).toMatchObject({ ok: false, reason: 'wrong-state' });
  });

  it('refuses an event from an actor that may not make it', () => {
    expect(applyRequestEvent('submitted', { type: 'dispatch', actor: 'resident' })).toMatchObject({ ok: false, reason: 'not-allowed-for-actor' });
    expect(applyRequestEvent('done', { type: 'rate', actor: 'member' })).toMatchObject({ ok: false, reason: 'not-allowed-for-actor' });
  });

  it('skips refused events in a fold and reports them', () => {
    const take = { type: 'take', actor: 'member' } as const;
    const { status, refused } = foldRequestEvents([{ type: 'submit', actor: 'resident' }, { type: 'cancel', actor: 'resident' }, take]);
    expect(status).toBe('cancelled');
    expect(refused).toEqual([{ event: take, reason: 'wrong-state' }]);
  });

  it('lets the volunteer on duty take a request born at the station without waiting for the centre', () => {
    expect(foldRequestEvents([{ type: 'submit', actor: 'resident' }, { type: 'take', actor: 'member' }, { type: 'complete', actor: 'member' }]).status).toBe('done');
  });

  it('refuses the second of two takes: whoever the server orders first has it', () => {
    const second = { type: 'take', actor: 'member' } as const;
    const { status, refused } = foldRequestEvents([{ type: 'submit', actor: 'resident' }, { type: 'take', actor: 'member' }, second]);
    expect(status).toBe('taken');
    expect(refused).toEqual([{ event: second, reason: 'wrong-state' }]);
  });

  it('refuses a dispatch of a request already taken at the station', () => {
    expect(applyRequestEvent('taken', { type: 'dispatch', actor: 'centre' })).toMatchObject({ ok: false, reason: 'wrong-state' });
  });

  it('hands a taken request back for the next shift, and notes change no status', () => {
    expect(applyRequestEvent('taken', { type: 'handover', actor: 'member' })).toEqual({ ok: true, status: 'dispatched' });
    expect(applyRequestEvent('taken', { type: 'note', actor: 'member' })).toEqual({ ok: true, status: 'taken' });
    expect(applyRequestEvent('done', { type: 'note', actor: 'centre' })).toEqual({ ok: true, status: 'done' });
    expect(applyRequestEvent(null, { type: 'note', actor: 'member' })).toMatchObject({ ok: false, reason: 'not-yet-submitted' });
    expect(applyRequestEvent('submitted', { type: 'handover', actor: 'member' })).toMatchObject({ ok: false, reason: 'wrong-state' });
    expect(applyRequestEvent('taken', { type: 'note', actor: 'resident' })).toMatchObject({ ok: false, reason: 'not-allowed-for-actor' });
  });
});

describe('request assignment', () => {
  it('follows the centre’s dispatch, the taker, a handover and a reopen', () => {
    const dispatched = assignAfter(unassigned, { type: 'dispatch', target: { type: 'unit', unitId: 'water-company' } });
    expect(dispatched).toEqual({ dispatchedTo: { type: 'unit', unitId: 'water-company' }, takenBy: null });
    const taken = assignAfter(dispatched, { type: 'take', memberId: 'li-ming' });
    expect(taken.takenBy).toEqual({ type: 'member', memberId: 'li-ming' });
    expect(assignAfter(taken, { type: 'note' })).toBe(taken);
    expect(assignAfter(taken, { type: 'handover' })).toEqual(dispatched);
    expect(assignAfter(taken, { type: 'reopen' })).toEqual(unassigned);
  });

  it('ignores the assignment of refused events when folding', () => {
    const view = foldRequestView([
      { type: 'submit', actor: 'resident' },
      { type: 'take', actor: 'member', memberId: 'li-ming' },
      { type: 'take', actor: 'member', memberId: 'zhao' },
    ]);
    expect(view.status).toBe('taken');
    expect(view.assignment.takenBy).toEqual({ type: 'member', memberId: 'li-ming' });
    expect(view.refused).toHaveLength(1);
  });
});
