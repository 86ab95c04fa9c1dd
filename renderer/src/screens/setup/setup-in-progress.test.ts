import { describe, expect, it } from 'vitest';
import { forgetSetup, rememberSetup, setupInProgress } from './setup-in-progress.ts';

const setup = { stationId: 'xingfuli-01', stationName: '幸福里', serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' };

describe('a setup in progress', () => {
  it('is there across a reload for a few minutes, then means nothing', () => {
    const t = Date.UTC(2026, 10, 27, 9, 0);
    rememberSetup(setup, sessionStorage, t);
    expect(setupInProgress(sessionStorage, t + 1_000)).toEqual(setup);
    expect(setupInProgress(sessionStorage, t + 4 * 60_000)).toEqual(setup);
    expect(setupInProgress(sessionStorage, t + 6 * 60_000)).toBeNull();
    // A clock set back is no reason to show it again.
    expect(setupInProgress(sessionStorage, t - 60_000)).toBeNull();
    forgetSetup();
    expect(setupInProgress(sessionStorage, t + 1_000)).toBeNull();
  });

  it('is nothing when the stored value is not one', () => {
    sessionStorage.setItem('yizhan.setup-in-progress', '{not json');
    expect(setupInProgress()).toBeNull();
    sessionStorage.setItem('yizhan.setup-in-progress', JSON.stringify(setup));
    expect(setupInProgress()).toBeNull();
  });
});
