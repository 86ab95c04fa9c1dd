import type { PowerSaveBlocker } from 'electron';
import { isWithinOpeningHours, type OpeningSchedule } from '../common/opening-hours.ts';

/**
 * Keeps the screen on while the station is open (and a quarter of an hour around it), and lets the display
 * sleep outside those hours. Until the opening hours are known it keeps the screen on: a kiosk that looks
 * dead during opening hours is worse than one that burns a night's electricity.
 */
export class ScreenKeeper {
  private id: number | null = null;
  private schedule: OpeningSchedule | null;

  constructor(
    private readonly blocker: Pick<PowerSaveBlocker, 'start' | 'stop' | 'isStarted'>,
    initial: OpeningSchedule | null,
    private readonly log: (message: string) => void = () => undefined,
  ) {
    this.schedule = initial;
  }

  setSchedule(schedule: OpeningSchedule, now: Date): void {
    this.schedule = schedule;
    this.update(now);
  }

  /** Call every minute; returns whether the screen is being kept on. */
  update(now: Date): boolean {
    const keepOn = this.schedule === null || isWithinOpeningHours(now, this.schedule);
    const on = this.id !== null && this.blocker.isStarted(this.id);
    if (keepOn && !on) {
      this.id = this.blocker.start('prevent-display-sleep');
      this.log('screen kept on (opening hours)');
    } else if (!keepOn && this.id !== null) {
      this.blocker.stop(this.id);
      this.id = null;
      this.log('screen may sleep (outside opening hours)');
    }
    return keepOn;
  }

  dispose(): void {
    if (this.id !== null) this.blocker.stop(this.id);
    this.id = null;
  }
}
