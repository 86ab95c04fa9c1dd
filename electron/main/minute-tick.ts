import { localDay, nightlyReloadDue } from './activity.ts';
import type { Logger } from './log.ts';

export interface MinuteTickOptions {
  now: () => Date;
  /** The screen keeper's check against the opening hours. */
  updateScreen: (now: Date) => void;
  maybeInstall: () => Promise<boolean>;
  nightlyWindow: () => { from: string; to: string };
  idleMs: () => number;
  /** Flushes storage and loads the app again. */
  reload: () => void;
  log: Logger;
}

/**
 * What the shell looks at every minute: whether the screen should stay on, whether a ready update can install
 * now, and whether tonight's reload is due (once a night, in the window, when nobody has used the kiosk).
 */
export const startMinuteTick = (options: MinuteTickOptions): (() => void) => {
  let lastNightly: string | null = localDay(options.now());
  const timer = setInterval(() => {
    const now = options.now();
    options.updateScreen(now);
    void options.maybeInstall();
    if (nightlyReloadDue({ now, window: options.nightlyWindow(), lastDay: lastNightly, idleMs: options.idleMs() })) {
      lastNightly = localDay(now);
      options.log.info('nightly reload');
      options.reload();
    }
  }, 60_000);
  return () => clearInterval(timer);
};
