import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type IdlePhase, IdleTimer } from './idle-timer.ts';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

const setup = (hasSession = true) => {
  const phases: [IdlePhase, number][] = [];
  const onReset = vi.fn();
  const timer = new IdleTimer({ resetMs: 60_000, warnMs: 10_000, attractMs: 180_000, hasSession: () => hasSession, onPhase: (p, s) => phases.push([p, s]), onReset });
  timer.start();
  return { timer, phases, onReset, last: () => phases[phases.length - 1] };
};

describe('IdleTimer', () => {
  it('warns 10 s before the reset, counts down, then resets', () => {
    const { onReset, last } = setup();
    vi.advanceTimersByTime(49_999);
    expect(last()?.[0]).toBe('active');
    vi.advanceTimersByTime(1);
    expect(last()).toEqual(['warning', 10]);
    vi.advanceTimersByTime(5_000);
    expect(last()).toEqual(['warning', 5]);
    vi.advanceTimersByTime(5_000);
    expect(onReset).toHaveBeenCalledTimes(1);
    expect(last()?.[0]).toBe('idle');
  });

  it('counts down on the monotonic clock: a wall clock stepped by hours (NTP, a dead battery) changes nothing', () => {
    const { onReset, last } = setup();
    vi.advanceTimersByTime(52_000);
    expect(last()).toEqual(['warning', 8]);
    vi.setSystemTime(Date.now() - 3_600_000);
    vi.advanceTimersByTime(1_000);
    expect(last()).toEqual(['warning', 7]);
    vi.setSystemTime(Date.now() + 7_200_000);
    vi.advanceTimersByTime(1_000);
    expect(last()).toEqual(['warning', 6]);
    expect(onReset).not.toHaveBeenCalled();
    vi.advanceTimersByTime(6_000);
    expect(onReset).toHaveBeenCalledTimes(1);
  });

  it('"I\'m still here" (any activity) cancels the warning and restarts the clock', () => {
    const { timer, onReset, last } = setup();
    vi.advanceTimersByTime(55_000);
    timer.activity();
    expect(last()?.[0]).toBe('active');
    vi.advanceTimersByTime(59_000);
    expect(onReset).not.toHaveBeenCalled();
  });

  it('never fires while someone keeps typing', () => {
    const { timer, onReset } = setup();
    for (let i = 0; i < 100; i += 1) {
      vi.advanceTimersByTime(20_000);
      timer.activity();
    }
    expect(onReset).not.toHaveBeenCalled();
  });

  it('does not warn on an untouched home screen, but still starts the attract loop', () => {
    const { onReset, phases, last } = setup(false);
    vi.advanceTimersByTime(179_999);
    expect(phases.some(([p]) => p === 'warning')).toBe(false);
    expect(onReset).not.toHaveBeenCalled();
    vi.advanceTimersByTime(1);
    expect(last()?.[0]).toBe('attract');
  });

  it('starts the attract loop after the reset, and stops everything on stop()', () => {
    const { timer, last, onReset } = setup();
    vi.advanceTimersByTime(180_000);
    expect(last()?.[0]).toBe('attract');
    timer.activity();
    timer.stop();
    vi.advanceTimersByTime(1_000_000);
    expect(last()?.[0]).toBe('active');
    expect(onReset).toHaveBeenCalledTimes(1);
  });
});
