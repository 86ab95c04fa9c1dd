import type { App } from 'electron';
import type { Logger } from './log.ts';

export type LifecycleApp = Pick<App, 'relaunch' | 'quit'> & {
  on(event: 'before-quit', listener: () => void): unknown;
  on(event: 'window-all-closed', listener: () => void): unknown;
};

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
    this.app.relaunch();
    this.app.quit();
  }
}
