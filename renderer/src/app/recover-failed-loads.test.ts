import { describe, expect, it } from 'vitest';
import { type Recovery, RELOAD_SPACING_MS, recoverFailedLoads } from './recover-failed-loads.ts';

/** The browser's side of the recovery, as a test sets it: what still fails, whether the page answers. */
const browser = ({ stillFailing, reachable, storage = new Map<string, string>() }: { stillFailing: boolean; reachable: boolean; storage?: Map<string, string> }) => {
  const seen = { retries: 0, reloads: 0 };
  const clock = { now: 1_800_000_000_000 };
  const recovery: Recovery = {
    retry: async () => {
      seen.retries += 1;
      return stillFailing;
    },
    pageReachable: async () => reachable,
    reload: () => {
      seen.reloads += 1;
    },
    storage: { getItem: (key) => storage.get(key) ?? null, setItem: (key, value) => void storage.set(key, value) },
    now: () => clock.now,
  };
  return { recovery, seen, clock, storage };
};

describe('recovering code that failed to load, while nobody is at the kiosk', () => {
  it('does not reload when every failed load now succeeds (or none failed)', async () => {
    const { recovery, seen } = browser({ stillFailing: false, reachable: true });
    await expect(recoverFailedLoads(recovery)).resolves.toBe('loaded');
    expect(seen).toEqual({ retries: 1, reloads: 0 });
  });

  it('reloads the page when a load still fails and the page can be fetched', async () => {
    const { recovery, seen } = browser({ stillFailing: true, reachable: true });
    await expect(recoverFailedLoads(recovery)).resolves.toBe('reloading');
    expect(seen.reloads).toBe(1);
  });

  it('does not reload into a page that cannot be fetched', async () => {
    const { recovery, seen } = browser({ stillFailing: true, reachable: false });
    await expect(recoverFailedLoads(recovery)).resolves.toBe('unreachable');
    expect(seen.reloads).toBe(0);
  });

  it('runs once when asked twice at once (the reset, then the attract loop)', async () => {
    const { recovery, seen } = browser({ stillFailing: true, reachable: true });
    const [first, second] = await Promise.all([recoverFailedLoads(recovery), recoverFailedLoads(recovery)]);
    expect([first, second]).toEqual(['reloading', 'reloading']);
    expect(seen).toEqual({ retries: 1, reloads: 1 });
  });

  it('reloads at most once in a while for a chunk broken for good, wherever the clock is moved', async () => {
    const storage = new Map<string, string>();
    const first = browser({ stillFailing: true, reachable: true, storage });
    await expect(recoverFailedLoads(first.recovery)).resolves.toBe('reloading');

    // The reloaded page: the same chunk fails again at its next attract loop.
    const after = browser({ stillFailing: true, reachable: true, storage });
    after.clock.now = first.clock.now + RELOAD_SPACING_MS - 1;
    await expect(recoverFailedLoads(after.recovery)).resolves.toBe('held');
    after.clock.now = first.clock.now + RELOAD_SPACING_MS;
    await expect(recoverFailedLoads(after.recovery)).resolves.toBe('reloading');
    // The clock set back by hours: the last reload is not taken to be in the future for ever.
    after.clock.now -= 3 * 3600_000;
    await expect(recoverFailedLoads(after.recovery)).resolves.toBe('reloading');
    expect(after.seen.reloads).toBe(2);
  });
});
