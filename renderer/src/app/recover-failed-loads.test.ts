import { describe, expect, it } from 'vitest';
import { type Recovery, recoverFailedLoads } from './recover-failed-loads.ts';

/** The browser's side of the recovery, as a test sets it: what still fails, whether the page answers. */
const browser = ({ stillFailing, reachable }: { stillFailing: boolean; reachable: boolean }) => {
  const seen = { retries: 0, reloads: 0 };
  const recovery: Recovery = {
    retry: async () => {
      seen.retries += 1;
      return stillFailing;
    },
    pageReachable: async () => reachable,
    reload: () => {
      seen.reloads += 1;
    },
  };
  return { recovery, seen };
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
});
