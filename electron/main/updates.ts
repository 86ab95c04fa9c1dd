import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateState } from '../common/bridge.ts';
import type { Logger } from './log.ts';

/** The parts of electron-updater's AppUpdater the controller uses (its `autoUpdater` satisfies it). */
export type Updater = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall'> & {
  logger: AppUpdater['logger'];
  on(event: 'checking-for-update', listener: () => void): unknown;
  on(event: 'update-available', listener: (info: UpdateInfo) => void): unknown;
  on(event: 'update-not-available', listener: (info: UpdateInfo) => void): unknown;
  on(event: 'download-progress', listener: (info: ProgressInfo) => void): unknown;
  on(event: 'update-downloaded', listener: (info: UpdateInfo) => void): unknown;
  on(event: 'error', listener: (error: Error) => void): unknown;
};

/** Where a self-update can work: the Windows installer (NSIS) and the Linux AppImage. A .deb is updated by apt. */
export const selfUpdateSupported = (platform: NodeJS.Platform, env: Record<string, string | undefined>): boolean =>
  platform === 'win32' || (platform === 'linux' && Boolean(env.APPIMAGE));

export interface InstallWindow {
  /** The renderer has been between residents (idle) for this long; 0 while someone uses it. */
  idleMs: number;
  /** Within opening hours a resident may walk up any moment: wait longer. */
  withinOpeningHours: boolean;
}

/** Install only when nobody is using the kiosk: a minute of idle after hours, ten within opening hours. */
export const installAllowed = ({ idleMs, withinOpeningHours }: InstallWindow): boolean => idleMs >= (withinOpeningHours ? 10 : 1) * 60_000;

export interface UpdateControllerOptions {
  updater: Updater;
  /** The generic-provider feed (`<server>/updates`), or null: updates off. */
  feedUrl: string | null;
  supported: boolean;
  log: Logger;
  now: () => Date;
  onState: (state: UpdateState) => void;
  installWindow: () => InstallWindow;
  /**
   * Runs just before installing: export the unsynced records, flush storage, let the window close.
   * False postpones the install (it is tried again at the next idle moment).
   */
  prepareInstall: () => Promise<boolean>;
  checkEveryMs?: number;
}

/**
 * electron-updater on the central server's generic feed: checks at start and every few hours, downloads in
 * the background, and installs only between residents, after the unsynced records have been exported.
 */
export class UpdateController {
  private s: UpdateState = { status: 'idle', version: null, percent: null, checkedAt: null, message: null };
  private timer: ReturnType<typeof setInterval> | undefined;
  private installing = false;

  constructor(private readonly o: UpdateControllerOptions) {}

  get state(): UpdateState {
    return this.s;
  }

  private set(patch: Partial<UpdateState>): void {
    this.s = { ...this.s, ...patch };
    this.o.onState(this.s);
  }

  start(): void {
    const { updater, feedUrl, supported, log } = this.o;
    if (!feedUrl || !supported) {
      this.set({ status: 'disabled', message: !supported ? 'self-update needs the AppImage or the Windows installer' : 'no update feed configured' });
      return;
    }
    updater.logger = log;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = false;
    // Never go back to an older Electron: its IndexedDB cannot open a newer one's files.
    updater.allowDowngrade = false;
    updater.setFeedURL({ provider: 'generic', url: feedUrl });
    updater.on('checking-for-update', () => this.set({ status: this.s.status === 'ready' ? 'ready' : 'checking', message: null }));
    updater.on('update-not-available', () => this.set({ status: 'idle', version: null, percent: null, checkedAt: this.o.now().toISOString() }));
    updater.on('update-available', (info) => this.set({ status: 'downloading', version: info.version, percent: 0, checkedAt: this.o.now().toISOString() }));
    updater.on('download-progress', (p) => this.set({ status: 'downloading', percent: Math.max(0, Math.min(100, Math.round(p.percent))) }));
    updater.on('update-downloaded', (info) => {
      log.info(`update ${info.version} downloaded; installs when the kiosk is idle`);
      this.set({ status: 'ready', version: info.version, percent: 100 });
    });
    updater.on('error', (error) => {
      log.warn(`update: ${error.message}`);
      // A failed check or download is retried at the next check; a ready update stays ready.
      if (this.s.status !== 'ready' && !this.installing) this.set({ status: 'error', message: error.message.slice(0, 500) });
    });
    void this.check();
    this.timer = setInterval(() => void this.check(), this.o.checkEveryMs ?? 4 * 60 * 60_000);
  }

  async check(): Promise<UpdateState> {
    if (this.s.status === 'disabled' || this.s.status === 'downloading' || this.s.status === 'ready' || this.installing) return this.s;
    try {
      await this.o.updater.checkForUpdates();
    } catch (error) {
      this.o.log.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.s;
  }

  /** Call whenever idleness may have changed (and every minute): installs a ready update if now is the moment. */
  async maybeInstall(): Promise<boolean> {
    if (this.s.status !== 'ready' || this.installing || !installAllowed(this.o.installWindow())) return false;
    this.installing = true;
    const version = this.s.version;
    this.set({ status: 'installing' });
    let prepared = false;
    try {
      prepared = await this.o.prepareInstall();
    } catch (error) {
      this.o.log.error(`before update: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!prepared) {
      this.o.log.warn(`update ${version ?? ''} postponed: the unsynced records could not be exported`);
      this.installing = false;
      this.set({ status: 'ready', message: 'postponed: export of unsynced records failed' });
      return false;
    }
    this.o.log.info(`installing update ${version ?? ''}`);
    // Silent (no installer UI on a kiosk) and start again afterwards.
    this.o.updater.quitAndInstall(true, true);
    return true;
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
