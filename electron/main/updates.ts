import type { AppUpdater, ProgressInfo, UpdateInfo } from 'electron-updater';
import type { UpdateState } from '../common/bridge.ts';
import type { Logger } from './log.ts';

/** The parts of electron-updater's AppUpdater the controller uses (its `autoUpdater` satisfies it). */
export type Updater = Pick<AppUpdater, 'autoDownload' | 'autoInstallOnAppQuit' | 'allowDowngrade' | 'setFeedURL' | 'checkForUpdates' | 'quitAndInstall'> & {
  logger: AppUpdater['logger'];
  requestHeaders: AppUpdater['requestHeaders'];
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

/** The centre's answer when it has no release for this station (none published, or not yet rolled out to it). */
const NO_RELEASE = 'ERR_UPDATER_CHANNEL_FILE_NOT_FOUND';
const isNoRelease = (error: unknown): boolean => (error as { code?: unknown } | null)?.code === NO_RELEASE;

export interface UpdateControllerOptions {
  updater: Updater;
  /** The generic-provider feed (`<server>/updates`), or null: updates off. */
  feedUrl: string | null;
  supported: boolean;
  /** The station config's `updates.checkEveryHours`. */
  checkEveryMs: number;
  log: Logger;
  now: () => Date;
  onState: (state: UpdateState) => void;
  installWindow: () => InstallWindow;
  /**
   * Runs just before installing: export the unsynced records, flush storage, let the window close.
   * False postpones the install (it is tried again at the next idle moment).
   */
  prepareInstall: () => Promise<boolean>;
  /** Start the new version after installing; false where a service does it (restartedBySupervisor). */
  runAfterInstall: boolean;
}

/**
 * electron-updater on the central server's release channel (`/updates`, served to enrolled stations only: the
 * station token goes with every request, so there is no check before enrolment). Checks at start, every
 * `checkEveryHours` and when the token arrives; downloads in the background (differentially, by range
 * requests against the blockmaps); installs only between residents, after the unsynced records were exported,
 * and only a release the centre still offers at that moment.
 */
export class UpdateController {
  private current: UpdateState = { status: 'idle', version: null, percent: null, checkedAt: null, message: null };
  private timer: ReturnType<typeof setInterval> | undefined;
  private installing = false;
  private token: string | null = null;
  private started = false;

  constructor(private readonly options: UpdateControllerOptions) {}

  get state(): UpdateState {
    return this.current;
  }

  private set(patch: Partial<UpdateState>): void {
    this.current = { ...this.current, ...patch };
    this.options.onState(this.current);
  }

  start(): void {
    const { updater, feedUrl, supported, log } = this.options;
    if (!supported) {
      this.set({ status: 'disabled', message: 'self-update needs the AppImage or the Windows installer' });
      return;
    }
    this.started = true;
    updater.logger = log;
    updater.autoDownload = true;
    updater.autoInstallOnAppQuit = false;
    // Never go back to an older Electron: its IndexedDB cannot open a newer one's files.
    updater.allowDowngrade = false;
    if (feedUrl) updater.setFeedURL({ provider: 'generic', url: feedUrl });
    else this.set({ status: 'disabled', message: 'no update feed configured' });
    // While installing, the check that confirms the release (stillOffered) reads the answers itself.
    const unlessInstalling =
      <A extends unknown[]>(listener: (...args: A) => void) =>
      (...args: A) => {
        if (!this.installing) listener(...args);
      };
    updater.on('checking-for-update', unlessInstalling(() => this.set({ status: this.current.status === 'ready' ? 'ready' : 'checking', message: null })));
    updater.on('update-not-available', unlessInstalling(() => this.set({ status: 'idle', version: null, percent: null, checkedAt: this.options.now().toISOString() })));
    updater.on('update-available', unlessInstalling((info: UpdateInfo) => this.set({ status: 'downloading', version: info.version, percent: 0, checkedAt: this.options.now().toISOString() })));
    updater.on('download-progress', unlessInstalling((progress: ProgressInfo) => this.set({ status: 'downloading', percent: Math.max(0, Math.min(100, Math.round(progress.percent))) })));
    updater.on('update-downloaded', (info) => {
      log.info(`update ${info.version} downloaded; installs when the kiosk is idle`);
      this.set({ status: 'ready', version: info.version, percent: 100 });
    });
    updater.on('error', (error) => {
      if (this.installing) return;
      if (isNoRelease(error)) {
        this.set({ status: 'idle', version: null, percent: null, checkedAt: this.options.now().toISOString(), message: 'no release for this station at the centre' });
        return;
      }
      log.warn(`update: ${error.message}`);
      // A failed check or download is retried at the next check; a ready update stays ready.
      if (this.current.status !== 'ready') this.set({ status: 'error', message: error.message.slice(0, 500) });
    });
    void this.check();
    this.timer = setInterval(() => void this.check(), this.options.checkEveryMs);
  }

  /** A new server after a setup: the feed moves with it (a tablet set up on the spot gets its first one). */
  setFeed(feedUrl: string): void {
    if (!this.started) return;
    this.options.updater.setFeedURL({ provider: 'generic', url: feedUrl });
    if (this.current.status === 'disabled') this.set({ status: 'idle', message: null });
  }

  /** The station token from enrolment (null: none, or dropped): the release channel answers only with it. */
  setToken(token: string | null): void {
    const first = this.token === null && token !== null;
    this.token = token;
    this.options.updater.requestHeaders = token ? { authorization: `Bearer ${token}` } : null;
    if (first && this.started) void this.check();
  }

  async check(): Promise<UpdateState> {
    const { status } = this.current;
    if (status === 'disabled' || status === 'downloading' || status === 'ready' || this.installing) return this.current;
    if (this.token === null) {
      this.set({ status: 'idle', message: 'waiting for enrolment: the centre sends updates to enrolled stations' });
      return this.current;
    }
    try {
      await this.options.updater.checkForUpdates();
    } catch (error) {
      this.options.log.warn(`update check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
    return this.current;
  }

  /** Call whenever idleness may have changed (and every minute): installs a ready update if now is the moment. */
  async maybeInstall(): Promise<boolean> {
    if (this.current.status !== 'ready' || this.installing || !installAllowed(this.options.installWindow())) return false;
    this.installing = true;
    const version = this.current.version;
    this.set({ status: 'installing' });
    const offer = await this.stillOffered(version);
    if (offer !== 'offered') {
      this.installing = false;
      if (offer === 'unknown') {
        this.set({ status: 'ready', message: 'postponed: the centre could not confirm the release' });
        return false;
      }
      this.options.log.warn(`update ${version ?? ''} not installed: the centre no longer offers it (pulled back or replaced)`);
      this.set({ status: 'idle', version: null, percent: null, checkedAt: this.options.now().toISOString(), message: `release ${version ?? ''} withdrawn by the centre` });
      // A newer release in its place downloads now.
      void this.check();
      return false;
    }
    let prepared = false;
    try {
      prepared = await this.options.prepareInstall();
    } catch (error) {
      this.options.log.error(`before update: ${error instanceof Error ? error.message : String(error)}`);
    }
    if (!prepared) {
      this.options.log.warn(`update ${version ?? ''} postponed: the unsynced records could not be exported`);
      this.installing = false;
      this.set({ status: 'ready', message: 'postponed: export of unsynced records failed' });
      return false;
    }
    this.options.log.info(`installing update ${version ?? ''}`);
    // Silent (no installer UI on a kiosk), then start again (or let the service do it). The Windows installer is
    // per-user (electron-builder.yml, nsis.perMachine: false), so it needs no administrator: no UAC prompt.
    this.options.updater.quitAndInstall(true, this.options.runAfterInstall);
    return true;
  }

  /**
   * Asks the centre, just before installing, whether it still offers the downloaded version: a release pulled
   * back (`release-pull`) after this station downloaded it must not be installed. Not offered (an older or newer
   * version, or none at all): 'withdrawn'; no answer (offline, an error): 'unknown', and the install waits.
   */
  private async stillOffered(version: string | null): Promise<'offered' | 'withdrawn' | 'unknown'> {
    const { updater } = this.options;
    // Only the answer is wanted here: what the check offers is downloaded, if at all, by the next regular check.
    updater.autoDownload = false;
    try {
      const result = await updater.checkForUpdates();
      if (!result) return 'unknown';
      return result.isUpdateAvailable && result.updateInfo.version === version ? 'offered' : 'withdrawn';
    } catch (error) {
      if (isNoRelease(error)) return 'withdrawn';
      this.options.log.warn(`update ${version ?? ''}: the centre could not confirm it (${error instanceof Error ? error.message : String(error)})`);
      return 'unknown';
    } finally {
      updater.autoDownload = true;
    }
  }

  stop(): void {
    clearInterval(this.timer);
  }
}
