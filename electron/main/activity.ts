/**
 * Whether a resident is using the kiosk, as the renderer reports it (idle = between residents: the session has
 * been reset). Until the renderer has said anything, the system's own input idle time stands in.
 */
export class Activity {
  private reported: { idle: boolean; since: number } | null = null;

  report(idle: boolean, now: number): void {
    if (this.reported?.idle === idle) return;
    this.reported = { idle, since: now };
  }

  /** How long the kiosk has been idle; 0 while in use. */
  idleMs(now: number, systemIdleMs: number): number {
    if (!this.reported) return systemIdleMs;
    return this.reported.idle ? Math.max(0, now - this.reported.since) : 0;
  }
}

const minutes = (clock: string): number => {
  const [h, m] = clock.split(':').map(Number);
  return (h ?? 0) * 60 + (m ?? 0);
};

export interface NightlyInput {
  now: Date;
  window: { from: string; to: string };
  /** Local date (yyyy-mm-dd) of the last nightly reload. */
  lastDay: string | null;
  idleMs: number;
  minIdleMs?: number;
}

export const localDay = (date: Date): string =>
  `${date.getFullYear()}-${String(date.getMonth() + 1).padStart(2, '0')}-${String(date.getDate()).padStart(2, '0')}`;

/**
 * One reload a night, inside the window (local time, may cross midnight), and only when nobody has touched the
 * kiosk for a while: a long-running renderer gives back its memory, and a stale state cannot last for weeks.
 */
export const nightlyReloadDue = ({ now, window, lastDay, idleMs, minIdleMs = 10 * 60_000 }: NightlyInput): boolean => {
  const t = now.getHours() * 60 + now.getMinutes();
  const from = minutes(window.from);
  const to = minutes(window.to);
  const inside = from <= to ? t >= from && t < to : t >= from || t < to;
  return inside && lastDay !== localDay(now) && idleMs >= minIdleMs;
};
