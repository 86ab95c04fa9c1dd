import { afterEach, describe, expect, it } from 'vitest';
import { SETUP_FRAGMENT } from '@protocol/setup-link.ts';
import { forgetSetupLink, pendingSetupLink, SETUP_LINK_PREFIX, takeSetupLink } from './intake.ts';

describe('taking a setup link out of the address', () => {
  afterEach(() => {
    forgetSetupLink();
    history.replaceState(null, '', '/');
  });

  it('keeps the link in memory and leaves no code in the address bar or the history entry', () => {
    history.replaceState({ kept: true }, '', '/kiosk/?x=1#yizhan-setup?station=xingfuli-07&code=K7Q2-9XPM-4HJD');
    const before = history.length;
    expect(takeSetupLink(window)).toBe(true);
    expect(pendingSetupLink()).toBe('http://localhost:3000/kiosk/?x=1#yizhan-setup?station=xingfuli-07&code=K7Q2-9XPM-4HJD');
    expect(location.href).toBe('http://localhost:3000/kiosk/?x=1');
    expect(location.hash).toBe('');
    // Replaced, not pushed: no entry to go Back to that still holds the code; the page's own state is kept.
    expect(history.length).toBe(before);
    expect(history.state).toEqual({ kept: true });
    forgetSetupLink();
    expect(pendingSetupLink()).toBeNull();
  });

  it('leaves every other address alone', () => {
    history.replaceState(null, '', '/#somewhere');
    expect(takeSetupLink(window)).toBe(false);
    expect(location.hash).toBe('#somewhere');
    expect(pendingSetupLink()).toBeNull();
  });

  it('agrees with the links provision makes', () => {
    expect(SETUP_LINK_PREFIX).toBe(`#${SETUP_FRAGMENT}?`);
  });
});
