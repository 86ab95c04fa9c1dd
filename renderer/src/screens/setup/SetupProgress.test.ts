import { describe, expect, it } from 'vitest';
import { initialSyncState, type SyncState } from '../../../../sync/client/state.ts';
import type { KioskSync } from '../../sync/kiosk-sync.ts';
import { enrolmentOutcome } from './SetupProgress.tsx';

/** Only identity matters to enrolmentOutcome: which engine's word it is. */
const oldEngine = { name: 'old' } as unknown as KioskSync;
const newEngine = { name: 'new' } as unknown as KioskSync;
const state = (patch: Partial<SyncState>): SyncState => ({ ...initialSyncState, ...patch });

describe('enrolmentOutcome', () => {
  it('waits while no engine runs yet', () => {
    expect(enrolmentOutcome(state({ enrolledAs: 'xingfuli-01' }), null, oldEngine)).toBe('waiting');
    expect(enrolmentOutcome(state({ phase: 'offline' }), null, null)).toBe('waiting');
  });

  it("never counts the old engine's state: it belongs to the config from before the save", () => {
    // The old engine was enrolled, offline, refused, blocked: none of it says anything about the new setup.
    for (const s of [
      state({ enrolledAs: 'old-station', phase: 'idle' }),
      state({ phase: 'offline', lastError: 'network: fetch failed' }),
      state({ phase: 'retrying', lastError: 'internal: HTTP 500' }),
      state({ phase: 'not-enrolled', lastError: 'enrolment-refused: the enrolment code is unknown' }),
      state({ phase: 'unauthorized', lastError: 'token revoked' }),
      state({ phase: 'update-required', lastError: 'too old' }),
    ]) {
      expect(enrolmentOutcome(s, oldEngine, oldEngine)).toBe('waiting');
    }
  });

  it('is enrolled once the new engine knows its station, whatever the phase of its first round', () => {
    expect(enrolmentOutcome(state({ enrolledAs: 'xingfuli-01' }), newEngine, oldEngine)).toBe('enrolled');
    expect(enrolmentOutcome(state({ enrolledAs: 'xingfuli-01', phase: 'syncing' }), newEngine, oldEngine)).toBe('enrolled');
    // Enrolled, then the pull failed: still enrolled (the records sync later).
    expect(enrolmentOutcome(state({ enrolledAs: 'xingfuli-01', phase: 'offline', lastError: 'network: x' }), newEngine, oldEngine)).toBe('enrolled');
    // A first run: no engine had loaded when the setup was saved.
    expect(enrolmentOutcome(state({ enrolledAs: 'xingfuli-01' }), newEngine, null)).toBe('enrolled');
  });

  it('is refused when the centre refused the code', () => {
    expect(enrolmentOutcome(state({ phase: 'not-enrolled', lastError: 'enrolment-refused: the enrolment code is unknown, already used or expired' }), newEngine, oldEngine)).toBe('refused');
  });

  it('waits while not enrolled for any other reason (no code yet, or no round yet)', () => {
    expect(enrolmentOutcome(state({ phase: 'not-enrolled', lastError: null }), newEngine, oldEngine)).toBe('waiting');
    expect(enrolmentOutcome(state({ phase: 'not-enrolled', lastError: 'network: fetch failed' }), newEngine, oldEngine)).toBe('waiting');
  });

  it('is unreachable while the centre cannot be reached or keeps failing', () => {
    expect(enrolmentOutcome(state({ phase: 'offline', lastError: 'network: fetch failed' }), newEngine, oldEngine)).toBe('unreachable');
    expect(enrolmentOutcome(state({ phase: 'offline', lastError: 'timeout: aborted' }), newEngine, oldEngine)).toBe('unreachable');
    expect(enrolmentOutcome(state({ phase: 'unreachable', lastError: 'network: fetch failed' }), newEngine, oldEngine)).toBe('unreachable');
    expect(enrolmentOutcome(state({ phase: 'retrying', lastError: 'unavailable: down for maintenance' }), newEngine, oldEngine)).toBe('unreachable');
  });

  it('is blocked when the centre will not take this kiosk (token refused, app too old)', () => {
    expect(enrolmentOutcome(state({ phase: 'unauthorized', lastError: 'token revoked' }), newEngine, oldEngine)).toBe('blocked');
    expect(enrolmentOutcome(state({ phase: 'update-required', lastError: 'protocol 1 is no longer supported' }), newEngine, oldEngine)).toBe('blocked');
  });

  it('waits while the new engine has not finished its first round', () => {
    expect(enrolmentOutcome(initialSyncState, newEngine, oldEngine)).toBe('waiting');
    expect(enrolmentOutcome(state({ phase: 'syncing' }), newEngine, oldEngine)).toBe('waiting');
    expect(enrolmentOutcome(state({ phase: 'idle', lastSuccessAt: null }), newEngine, oldEngine)).toBe('waiting');
  });
});
