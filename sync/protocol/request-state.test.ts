import { describe, expect, it } from 'vitest';
import { applyRequestEvent, foldRequestEvents } from './request-state.ts';

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
    const { status, refused } = foldRequestEvents([{ type: 'submit', actor: 'resident' }, take, { type: 'cancel', actor: 'resident' }]);
    expect(status).toBe('cancelled');
    expect(refused).toEqual([{ event: take, reason: 'wrong-state' }]);
  });
});
