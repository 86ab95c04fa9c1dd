import type { App } from 'electron';
import type { Logger } from './log.ts';

export type LifecycleApp = Pick<App, 'relaunch' | 'quit'> & {
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
};

/**
 * Set by the Linux tablet's service (electron/deploy/linux/yizhan-kiosk.service), which starts the app again
 * whenever it exits. Relaunching itself there would leave a child behind its compositor, which exits with the
 * app: the shell only quits, and the service brings it back.
 */
export const RESTARTED_BY = { variable: 'YIZHAN_RESTARTED_BY', value: 'systemd' } as const;
export const restartedBySupervisor = (env: Record<string, string | undefined>): boolean => env[RESTARTED_BY.variable] === RESTARTED_BY.value;

/**
 * When the kiosk may end: only when the shell itself decides to (an update, a technician's restart) or the
 * system quits the app, and never before the records on disk are flushed.
 */
export class Lifecycle {
  private quitting = false;

  constructor(
    private readonly app: LifecycleApp,
    private readonly flushStorage: () => void,
    private readonly log: Logger,
    /** A service restarts the app when it exits (restartedBySupervisor). */
    readonly supervised = false,
  ) {
    app.on('before-quit', () => {
      this.quitting = true;
    });
    app.on('window-all-closed', () => app.quit());
  }

  get closing(): boolean {
    return this.quitting;
  }

  /** Writes IndexedDB and localStorage to disk now (Chromium otherwise does it lazily). */
  flush(): void {
    try {
      this.flushStorage();
    } catch (error) {
      this.log.warn(`flushStorageData: ${String(error)}`);
    }
  }

  /** Flushed, and the window may close: an installer or a relaunch takes over. */
  prepareToQuit(): void {
    this.flush();
    this.quitting = true;
  }

  relaunch(): void {
    this.prepareToQuit();
    if (!this.supervised) this.app.relaunch();
    this.app.quit();
  }
}
