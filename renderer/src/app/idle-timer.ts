export type IdlePhase = 'active' | 'warning' | 'idle' | 'attract';

export interface IdleOptions {
  /** Inactivity before the screen resets to home and forgets the resident's input. */
  resetMs: number;
  /** How long before the reset the "I'm still here" warning shows. */
  warnMs: number;
  /** Inactivity before the attract loop starts (counted from the last activity). */
  attractMs: number;
  /** Whether there is anything to reset: on an untouched home screen no warning is shown. */
  hasSession: () => boolean;
  onPhase: (phase: IdlePhase, secondsLeft: number) => void;
  onReset: () => void;
}

/**
 * The idle policy, free of React and the DOM so it can be tested with fake timers. Any activity (a touch,
 * a key, text being composed) restarts the clock, so it never fires while someone is typing.
 */
export class IdleTimer {
  private timers: ReturnType<typeof setTimeout>[] = [];
  private ticker: ReturnType<typeof setInterval> | undefined;
  private phase: IdlePhase | null = null;

  constructor(private readonly options: IdleOptions) {}

  start(): void {
    this.activity();
  }

  activity(): void {
    this.clear();
    this.setPhase('active', 0);
    const { resetMs, warnMs, attractMs } = this.options;
    if (this.options.hasSession()) {
      this.timers.push(setTimeout(() => this.warn(), Math.max(resetMs - warnMs, 0)));
      this.timers.push(setTimeout(() => this.reset(), resetMs));
    }
    this.timers.push(setTimeout(() => this.setPhase('attract', 0), Math.max(attractMs, resetMs)));
  }

  stop(): void {
    this.clear();
  }

  private warn(): void {
    // The monotonic clock: the wall clock may be stepped by hours while the warning counts down (NTP, a dead battery).
    const deadline = performance.now() + this.options.warnMs;
    const tick = () => this.setPhase('warning', Math.max(Math.ceil((deadline - performance.now()) / 1000), 0));
    tick();
    this.ticker = setInterval(tick, 250);
  }

  private reset(): void {
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
    this.options.onReset();
    this.setPhase('idle', 0);
  }

  private setPhase(phase: IdlePhase, secondsLeft: number): void {
    if (phase === this.phase && phase !== 'warning') return;
    this.phase = phase;
    this.options.onPhase(phase, secondsLeft);
  }

  private clear(): void {
    this.timers.forEach(clearTimeout);
    this.timers = [];
    if (this.ticker) clearInterval(this.ticker);
    this.ticker = undefined;
  }
}
