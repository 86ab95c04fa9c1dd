import { DEMO_ENROLMENT_CODE } from '@protocol/demo-credentials.ts';
import type { PublicConfig } from '@shell/bridge.ts';
import demoCredentials from '@assets/demo/member-credentials.json';
import { describe, expect, it } from 'vitest';
import { unprovisionedKiosk } from '../../../tests/support/render-screen.tsx';
import { demoSignInAllowed, isDemoHash } from './demo-sign-in.ts';

const PAGE = 'http://127.0.0.1:8080';

const config = (shell: PublicConfig['shell'], fields: Partial<PublicConfig> = {}): PublicConfig => ({ ...unprovisionedKiosk, shell, ...fields });

describe('demoSignInAllowed', () => {
  it('lets the demo’s volunteers in on the demo: the `npm start` kiosk, and a kiosk nothing provisions', () => {
    // npm start: the demo server hands every browser the demo code; the catalogue's station stands in for an id.
    expect(demoSignInAllowed(config('web', { sources: ['default', 'system'], enrolmentCode: DEMO_ENROLMENT_CODE, serverUrl: PAGE, stationId: 'demo-station' }), PAGE)).toBe(true);
    expect(demoSignInAllowed(config('web', { serverUrl: PAGE, stationId: 'demo-station' }), PAGE)).toBe(true);
    expect(demoSignInAllowed(config('electron'), 'app://kiosk')).toBe(true);
  });

  it('keeps them out of any tablet provisioned as a station, enrolled or not, online or not', () => {
    // A station file with its centre and code (offline-first, or not yet enrolled).
    expect(demoSignInAllowed(config('web', { sources: ['default', 'system'], serverUrl: 'https://yizhan.example.cn', enrolmentCode: 'K7Q2-9XPM' }), PAGE)).toBe(false);
    expect(demoSignInAllowed(config('electron', { sources: ['default', 'system'], stationId: 'hq-07', serverUrl: 'https://yizhan.example.cn', enrolmentCode: 'K7Q2-9XPM' }), 'app://kiosk')).toBe(false);
    // A station of its own, or a centre, without a code (used up, or to come).
    expect(demoSignInAllowed(config('electron', { sources: ['default', 'env'], stationId: 'hq-07' }), 'app://kiosk')).toBe(false);
    expect(demoSignInAllowed(config('electron', { sources: ['default', 'system'], serverUrl: 'https://yizhan.example.cn' }), 'app://kiosk')).toBe(false);
    expect(demoSignInAllowed(config('web', { sources: ['default', 'system'], serverUrl: 'https://yizhan.example.cn' }), PAGE)).toBe(false);
    // A setup saved on the tablet, even one naming the demo code.
    expect(demoSignInAllowed(config('web', { sources: ['default', 'setup'], serverUrl: PAGE, enrolmentCode: DEMO_ENROLMENT_CODE }), PAGE)).toBe(false);
    // Nothing known yet: the config is still being read.
    expect(demoSignInAllowed(null, PAGE)).toBe(false);
  });
});

describe('isDemoHash', () => {
  it('knows the demo members’ PIN and QR hashes, and nothing else', async () => {
    const [member] = demoCredentials.members;
    expect(await isDemoHash(member!.pinHash)).toBe(true);
    expect(await isDemoHash(member!.qrHash)).toBe(true);
    expect(await isDemoHash('pbkdf2-sha256$210000$c2FsdHNhbHRzYWx0c2FsdA==$fvJva+1tg9xdNSv76FN3LKoI4QKVZhw4vnCyTKmr2bA=')).toBe(false);
  });
});
