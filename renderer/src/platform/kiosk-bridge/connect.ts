import { liveQuery } from 'dexie';
import type { KioskBridge } from '@shell/bridge.ts';
import { openingScheduleSchema } from '@shell/opening-hours.ts';
import type { YizhanDb } from '../../store/db.ts';
import { exportUnsynced } from './unsynced.ts';

const ACTIVITY_EVENTS = ['pointerdown', 'keydown', 'input', 'wheel', 'touchstart'] as const;

export interface ConnectOptions {
  /** No input for this long and the kiosk is between residents (its idle reset has surely run). */
  idleAfterMs?: (elderlyResetSeconds: number | undefined) => number;
  /** Uncaught errors passed on to the shell's log, at most this many a minute. */
  errorsPerMinute?: number;
}

/**
 * What the renderer tells the shell without being asked, and what it answers when asked: whether a resident
 * is using the kiosk (updates install only between residents), the opening hours from the synced station
 * settings (the screen stays on within them), the unsynced records when an export is requested (before an
 * update), and uncaught errors for the technician's log. Returns the function that stops all of it.
 */
export const connectBridge = (bridge: KioskBridge, db: YizhanDb, win: Window, o: ConnectOptions = {}): (() => void) => {
  const doc = win.document;
  const stops: Array<() => void> = [];
  const report = (idle: boolean) => void bridge.call('activity:report', { idle }).catch(() => undefined);

  // Activity: busy at the first touch, idle after a quiet spell longer than the idle reset.
  let elderlyReset: number | undefined;
  let idle: boolean | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idleAfter = () => (o.idleAfterMs ?? ((s) => ((s ?? 300) + 30) * 1000))(elderlyReset);
  const arm = () => {
    clearTimeout(timer);
    timer = setTimeout(() => {
      idle = true;
      report(true);
    }, idleAfter());
  };
  const activity = () => {
    if (idle !== false) {
      idle = false;
      report(false);
    }
    arm();
  };
  for (const type of ACTIVITY_EVENTS) doc.addEventListener(type, activity, { capture: true, passive: true });
  arm();
  stops.push(() => {
    clearTimeout(timer);
    for (const type of ACTIVITY_EVENTS) doc.removeEventListener(type, activity, { capture: true });
  });

  // Opening hours and idle timeouts, whenever the station settings change.
  const settings = liveQuery(() => db.settings.toCollection().first()).subscribe({
    next: (station) => {
      if (!station) return;
      elderlyReset = station.idle.elderlyResetSeconds;
      const schedule = openingScheduleSchema.safeParse(station);
      if (schedule.success) void bridge.call('schedule:report', { schedule: schedule.data }).catch(() => undefined);
    },
  });
  stops.push(() => settings.unsubscribe());

  // The shell's request for the unsynced records (before an update).
  stops.push(
    bridge.on('export:request', ({ requestId }) => {
      void (async () => {
        const { stationId } = await bridge.call('config:get');
        await bridge.call('export:deliver', { requestId, export: await exportUnsynced(db, stationId) });
      })().catch((error: unknown) => console.warn('unsynced export failed', error));
    }),
  );

  // Uncaught errors, rate-limited, into the technician's log.
  let window0 = 0;
  let sent = 0;
  const toLog = (message: string) => {
    const minute = Math.floor(Date.now() / 60_000);
    if (minute !== window0) {
      window0 = minute;
      sent = 0;
    }
    if (sent >= (o.errorsPerMinute ?? 20)) return;
    sent += 1;
    void bridge.call('logs:write', { level: 'error', message: message.slice(0, 2000) || 'error' }).catch(() => undefined);
  };
  const onError = (event: ErrorEvent) => toLog(`${event.message} @ ${event.filename}:${event.lineno}`);
  const onRejection = (event: PromiseRejectionEvent) => toLog(`unhandled rejection: ${String(event.reason)}`);
  win.addEventListener('error', onError);
  win.addEventListener('unhandledrejection', onRejection);
  stops.push(() => {
    win.removeEventListener('error', onError);
    win.removeEventListener('unhandledrejection', onRejection);
  });

  return () => {
    for (const stop of stops.splice(0)) stop();
  };
};
