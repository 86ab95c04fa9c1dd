// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { guardAllContents, guardNavigation, navigationAllowed } from './navigation.ts';
import { FakeApp, FakeEvent, FakeWebContents } from './testing/fakes.ts';

const hostile = [
  'https://evil.example/',
  'http://127.0.0.1:4173/',
  'file:///etc/passwd',
  'javascript:alert(1)',
  'data:text/html,<script>alert(1)</script>',
  'app://kiosk.evil/',
  'app://service/out-of-service.html',
  'chrome://settings',
  'devtools://devtools/bundled/inspector.html',
  '\\\\server\\share\\x.html',
  '',
];

describe('navigationAllowed', () => {
  it('allows the app origin only', () => {
    expect(navigationAllowed('app://kiosk/index.html')).toBe(true);
    expect(navigationAllowed('app://kiosk/#/services')).toBe(true);
    for (const url of hostile) expect(navigationAllowed(url), url).toBe(false);
  });
});

describe('guardNavigation', () => {
  const guarded = () => {
    const contents = new FakeWebContents();
    const log: string[] = [];
    guardNavigation(contents, (m) => log.push(m));
    return { contents, log };
  };

  it.each(hostile)('cancels navigation, frame navigation and redirects to %s', (url) => {
    const { contents } = guarded();
    const nav = new FakeEvent(url);
    contents.emit('will-navigate', nav, url);
    const frame = new FakeEvent(url);
    contents.emit('will-frame-navigate', frame);
    const redirect = new FakeEvent(url);
    contents.emit('will-redirect', redirect, url);
    expect([nav.defaultPrevented, frame.defaultPrevented, redirect.defaultPrevented]).toEqual([true, true, true]);
  });

  it('lets the app navigate within itself', () => {
    const { contents } = guarded();
    const nav = new FakeEvent();
    contents.emit('will-navigate', nav, 'app://kiosk/index.html');
    expect(nav.defaultPrevented).toBe(false);
  });

  it('opens no window at all, not even for the app origin, and attaches no webview', () => {
    const { contents, log } = guarded();
    for (const url of ['https://evil.example/', 'app://kiosk/index.html']) {
      expect(contents.windowOpenHandler?.({ url, frameName: '', features: '', disposition: 'new-window', referrer: { url: '', policy: 'no-referrer' } })).toEqual({ action: 'deny' });
    }
    const attach = new FakeEvent();
    contents.emit('will-attach-webview', attach);
    expect(attach.defaultPrevented).toBe(true);
    expect(log.length).toBeGreaterThanOrEqual(3);
  });

  it('guards every WebContents the app creates', () => {
    const app = new FakeApp();
    guardAllContents(app);
    const contents = new FakeWebContents();
    app.emit('web-contents-created', {}, contents);
    const nav = new FakeEvent();
    contents.emit('will-navigate', nav, 'https://evil.example/');
    expect(nav.defaultPrevented).toBe(true);
    expect(contents.windowOpenHandler).not.toBeNull();
  });
});
