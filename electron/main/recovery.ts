/**
 * What to do when the renderer crashes, hangs or fails to load: reload it after a growing pause; when it keeps
 * failing (a crash loop), show the calm out-of-service page and keep trying, more slowly, without end.
 * Pure: failures and time come in, a decision comes out.
 */

export type Failure = 'crashed' | 'hung' | 'load-failed';
export type RecoveryDecision = { action: 'reload'; delayMs: number } | { action: 'out-of-service'; retryInMs: number };

export interface RecoveryOptions {
  /** The first pause before a reload; doubled for each further failure in the window. */
  baseDelayMs?: number;
  maxDelayMs?: number;
  /** Failures this close together count towards a loop. */
  windowMs?: number;
  /** This many failures within the window make a crash loop. */
  loopAfter?: number;
  /** Retry pauses while out of service: doubled per retry, up to the maximum. */
  outOfServiceRetryMs?: number;
  maxOutOfServiceRetryMs?: number;
  /** Running this long without a failure counts as recovered: the counters start again. */
  stableAfterMs?: number;
}

export class RecoveryPolicy {
  private readonly options: Required<RecoveryOptions>;
  private failures: number[] = [];
  private outOfServiceRetries = 0;
  private healthySince: number | null = null;

  constructor(options: RecoveryOptions = {}) {
    this.options = {
      baseDelayMs: 1_000,
      maxDelayMs: 30_000,
      windowMs: 5 * 60_000,
      loopAfter: 4,
      outOfServiceRetryMs: 60_000,
      maxOutOfServiceRetryMs: 15 * 60_000,
      stableAfterMs: 10 * 60_000,
      ...options,
    };
  }

  get outOfService(): boolean {
    return this.outOfServiceRetries > 0;
  }

  failed(now: number, _kind: Failure): RecoveryDecision {
    this.forgetIfStable(now);
    this.healthySince = null;
    this.failures = [...this.failures.filter((t) => now - t < this.options.windowMs), now];
    if (this.outOfService || this.failures.length >= this.options.loopAfter) {
      const retryInMs = Math.min(this.options.outOfServiceRetryMs * 2 ** this.outOfServiceRetries, this.options.maxOutOfServiceRetryMs);
      this.outOfServiceRetries += 1;
      return { action: 'out-of-service', retryInMs };
    }
    return { action: 'reload', delayMs: Math.min(this.options.baseDelayMs * 2 ** (this.failures.length - 1), this.options.maxDelayMs) };
  }

  /** The app finished loading; if it then runs `stableAfterMs` without failing, all is forgiven. */
  loaded(now: number): void {
    this.healthySince ??= now;
  }

  /** Call now and then (and before each decision): clears the history once the app has been stable long enough. */
  forgetIfStable(now: number): boolean {
    if (this.healthySince === null || now - this.healthySince < this.options.stableAfterMs) return false;
    this.failures = [];
    this.outOfServiceRetries = 0;
    this.healthySince = null;
    return true;
  }
}

/** The parts of a WebContents the supervisor needs (Electron's WebContents satisfies it). */
export interface SupervisedContents {
  on(event: 'render-process-gone', listener: (event: unknown, details: { reason: string; exitCode: number }) => void): unknown;
  on(event: 'unresponsive', listener: () => void): unknown;
  on(event: 'responsive', listener: () => void): unknown;
  on(event: 'did-finish-load', listener: () => void): unknown;
  on(
    event: 'did-fail-load',
    listener: (event: unknown, errorCode: number, errorDescription: string, validatedURL: string, isMainFrame: boolean) => void,
  ): unknown;
  forcefullyCrashRenderer(): void;
  getURL(): string;
}

export interface SuperviseOptions {
  policy: RecoveryPolicy;
  now: () => number;
  /** Loads the app (app://kiosk/index.html). */
  loadApp: () => void;
  /** Loads the out-of-service page. */
  showOutOfService: () => void;
  /** How long a hang may last before the renderer is killed and reloaded. */
  hangGraceMs?: number;
  isAppUrl: (url: string) => boolean;
  log: (message: string) => void;
}

/**
 * Watches the kiosk's renderer: a crash, a hang that outlasts its grace, or a failed load of the app leads to
 * the policy's decision. A hung renderer is killed, so its crash is the one failure counted.
 */
export const superviseRenderer = (contents: SupervisedContents, options: SuperviseOptions): { dispose(): void } => {
  let hang: ReturnType<typeof setTimeout> | undefined;
  let pending: ReturnType<typeof setTimeout> | undefined;
  const stable = setInterval(() => options.policy.forgetIfStable(options.now()), 60_000);

  const act = (kind: string, failure: Failure) => {
    if (pending) clearTimeout(pending);
    const decision = options.policy.failed(options.now(), failure);
    if (decision.action === 'reload') {
      options.log(`renderer ${kind}: reloading in ${decision.delayMs} ms`);
      pending = setTimeout(options.loadApp, decision.delayMs);
    } else {
      options.log(`renderer ${kind}: crash loop, out of service; retrying in ${decision.retryInMs} ms`);
      options.showOutOfService();
      pending = setTimeout(options.loadApp, decision.retryInMs);
    }
  };

  contents.on('render-process-gone', (_event, details) => {
    if (hang) clearTimeout(hang);
    hang = undefined;
    act(`gone (${details.reason}, exit ${details.exitCode})`, details.reason === 'killed' ? 'hung' : 'crashed');
  });
  contents.on('unresponsive', () => {
    if (hang) return;
    options.log('renderer unresponsive');
    hang = setTimeout(() => {
      hang = undefined;
      options.log('renderer still unresponsive: killing it');
      contents.forcefullyCrashRenderer();
    }, options.hangGraceMs ?? 15_000);
  });
  contents.on('responsive', () => {
    if (hang) clearTimeout(hang);
    hang = undefined;
  });
  contents.on('did-finish-load', () => {
    if (options.isAppUrl(contents.getURL())) options.policy.loaded(options.now());
  });
  contents.on('did-fail-load', (_event, errorCode, description, url, isMainFrame) => {
    // -3 is ERR_ABORTED: a navigation replaced by another, not a failure.
    if (!isMainFrame || errorCode === -3 || !options.isAppUrl(url)) return;
    act(`load failed (${errorCode} ${description})`, 'load-failed');
  });
  return {
    dispose() {
      if (hang) clearTimeout(hang);
      if (pending) clearTimeout(pending);
      clearInterval(stable);
    },
  };
};
