// @vitest-environment node
import { describe, expect, it } from 'vitest';
import { FakeEvent, FakeWindow } from './testing/fakes.ts';
import { guardClose, openKioskWindow, showWhenReady } from './window.ts';

describe('openKioskWindow', () => {
  const { options } = openKioskWindow(FakeWindow, { preload: '/app/preload.cjs', production: true });
  const web = options.webPreferences ?? {};

  it('is a full-screen kiosk window without frame or menu, hidden until ready', () => {
    expect(options).toMatchObject({ show: false, kiosk: true, fullscreen: true, frame: false, autoHideMenuBar: true });
  });

  it('isolates the page: context isolation, sandbox, no Node anywhere, web security on', () => {
    expect(web).toMatchObject({
      preload: '/app/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      plugins: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      disableDialogs: true,
      disableBlinkFeatures: 'Auxclick',
    });
    expect(web).not.toHaveProperty('enableBlinkFeatures');
    expect(web).not.toHaveProperty('additionalArguments');
    expect(web).not.toHaveProperty('partition');
  });

  it('has devtools only outside production', () => {
    expect(web.devTools).toBe(false);
    expect(openKioskWindow(FakeWindow, { preload: '/p', production: false }).options.webPreferences?.devTools).toBe(true);
  });
});

describe('window behaviour', () => {
  it('shows and focuses only when the first frame is ready', () => {
    const win = new FakeWindow({});
    showWhenReady(win);
    expect(win.shown).toBe(false);
    win.emit('ready-to-show');
    expect(win.shown).toBe(true);
    expect(win.focused).toBe(1);
  });

  it('refuses to close (Alt+F4) unless the shell decided to quit', () => {
    const win = new FakeWindow({});
    let allowed = false;
    guardClose(win, () => allowed);
    const first = new FakeEvent();
    win.emit('close', first);
    expect(first.defaultPrevented).toBe(true);
    allowed = true;
    const second = new FakeEvent();
    win.emit('close', second);
    expect(second.defaultPrevented).toBe(false);
  });
});
