// @vitest-environment node
import type { PermissionRequest, WebContents } from 'electron';
import { describe, expect, it } from 'vitest';
import { GRANTED, lockDownPermissions, type Permission, permissionAllowed } from './permissions.ts';
import { FakeSession, FakeWebContents } from './testing/fakes.ts';

const everyPermission: Permission[] = [
  'clipboard-read',
  'clipboard-sanitized-write',
  'display-capture',
  'fullscreen',
  'geolocation',
  'idle-detection',
  'media',
  'mediaKeySystem',
  'midi',
  'midiSysex',
  'notifications',
  'pointerLock',
  'keyboardLock',
  'openExternal',
  'speaker-selection',
  'storage-access',
  'top-level-storage-access',
  'window-management',
  'unknown',
  'fileSystem',
];

const details = (requestingUrl: string): PermissionRequest => ({ requestingUrl, isMainFrame: true });
// The handlers never look at the WebContents; a fake stands in for it.
const contents = new FakeWebContents() as unknown as WebContents;

describe('permissions', () => {
  it('grants none but the camera: no microphone, location, notifications, clipboard or full-screen API', () => {
    expect(GRANTED.size).toBe(0);
    for (const p of everyPermission) expect(permissionAllowed(p, 'app://kiosk/')).toBe(false);
  });

  it('lets the app itself use the camera, video only, for scanning a volunteer’s QR code', () => {
    expect(permissionAllowed('media', 'app://kiosk/index.html', ['video'])).toBe(true);
    expect(permissionAllowed('media', 'app://kiosk/index.html', ['video', 'audio'])).toBe(false);
    expect(permissionAllowed('media', 'app://kiosk/index.html', ['audio'])).toBe(false);
    expect(permissionAllowed('media', 'https://evil.example/', ['video'])).toBe(false);
    const session = new FakeSession();
    lockDownPermissions(session);
    const answers: boolean[] = [];
    session.permissionRequest?.(contents, 'media', (granted) => answers.push(granted), { ...details('app://kiosk/index.html'), mediaTypes: ['video'] } as PermissionRequest);
    session.permissionRequest?.(contents, 'media', (granted) => answers.push(granted), { ...details('app://kiosk/index.html'), mediaTypes: ['audio'] } as PermissionRequest);
    expect(answers).toEqual([true, false]);
    expect(session.permissionCheck?.(contents, 'media', 'app://kiosk', { isMainFrame: true, requestingUrl: 'app://kiosk/', mediaType: 'video' })).toBe(true);
  });

  it('answers every request with a refusal and logs it', () => {
    const session = new FakeSession();
    const log: string[] = [];
    lockDownPermissions(session, (m) => log.push(m));
    const answers: boolean[] = [];
    for (const p of everyPermission) session.permissionRequest?.(contents, p, (granted) => answers.push(granted), details('app://kiosk/index.html'));
    expect(answers).toEqual(everyPermission.map(() => false));
    expect(log).toHaveLength(everyPermission.length);
  });

  it('answers permission checks, device and screen-capture requests with no', () => {
    const session = new FakeSession();
    lockDownPermissions(session);
    expect(session.permissionCheck?.(contents, 'media', 'app://kiosk', { isMainFrame: true, requestingUrl: 'app://kiosk/' })).toBe(false);
    expect(session.permissionCheck?.(null, 'clipboard-read', 'https://evil.example', { isMainFrame: true, requestingUrl: 'https://evil.example/' })).toBe(false);
    expect(session.devicePermission?.({ deviceType: 'usb', origin: 'app://kiosk', device: {} as never })).toBe(false);
    let streams: unknown = 'unanswered';
    session.displayMedia?.({ frame: null, securityOrigin: 'app://kiosk', videoRequested: true, audioRequested: false, userGesture: true }, (s) => {
      streams = s;
    });
    expect(streams).toEqual({});
  });
});
