import type { BrowserWindowConstructorOptions } from 'electron';

export interface KioskWindowOptions {
  /** Absolute path of the compiled preload script. */
  preload: string;
  /** A packaged build: no devtools, whatever the config says. */
  production: boolean;
}

/** Electron's BrowserWindow class, or a fake of it: constructed with the options, nothing else. */
export type WindowClass<W> = new (options: BrowserWindowConstructorOptions) => W;

/**
 * Opens the one kiosk window: full-screen in kiosk mode, no frame or menu, shown only once it has painted,
 * with the strictest web preferences Electron has (every item of its security checklist that lives here).
 * The options are written out where the window is constructed, so a static checker (Electronegativity)
 * sees exactly what the kiosk gets.
 */
export const openKioskWindow = <W>(BrowserWindow: WindowClass<W>, { preload, production }: KioskWindowOptions): W =>
  new BrowserWindow({
    show: false,
    kiosk: true,
    fullscreen: true,
    frame: false,
    autoHideMenuBar: true,
    backgroundColor: '#fffaf5',
    title: '红色驿站',
    webPreferences: {
      // Reviewed (Electronegativity asks for a review of every preload): it exposes only window.kiosk's
      // invoke/on, both checked against the contract, and nothing of ipcRenderer or Node.
      preload, // eng-disable PRELOAD_JS_CHECK
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
      enableWebSQL: false,
      navigateOnDragDrop: false,
      spellcheck: false,
      devTools: !production,
      // A native alert() or confirm() on a kiosk is a dead end for a resident: none may open.
      disableDialogs: true,
      safeDialogs: true,
      // The idle reset runs on timers; the kiosk window is always in front, but never let them be throttled.
      backgroundThrottling: false,
      zoomFactor: 1,
      textAreasAreResizable: false,
      // A middle click must not open anything either (window.open is refused anyway).
      disableBlinkFeatures: 'Auxclick',
    },
  });

/** Shows the window when its first frame is ready, so nobody sees a white flash or half-drawn screen. */
export const showWhenReady = (win: { once(event: 'ready-to-show', listener: () => void): unknown; show(): void; focus(): void }): void => {
  win.once('ready-to-show', () => {
    win.show();
    win.focus();
  });
};

/** Keeps the window from being closed (Alt+F4, a window manager) unless the shell itself decided to quit. */
export const guardClose = (
  win: { on(event: 'close', listener: (event: { preventDefault(): void }) => void): unknown },
  closeAllowed: () => boolean,
  log: (message: string) => void = () => undefined,
): void => {
  win.on('close', (event) => {
    if (closeAllowed()) return;
    event.preventDefault();
    log('window close refused (kiosk mode)');
  });
};
