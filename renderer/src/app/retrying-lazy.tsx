import { type ComponentType, lazy } from 'react';
import { reloadFailedStylesheets, watchStylesheets } from './failed-stylesheets.ts';

/** What `import()` of a module whose default export is a component gives, as React.lazy takes it. */
type Load<P> = () => Promise<{ default: ComponentType<P> }>;

/**
 * Loads that failed and have not succeeded since, each as the function that tries it again: what the recovery
 * between two residents asks for once more (recover-failed-loads.ts).
 */
const failing = new Set<() => Promise<unknown>>();
/** A screen's failed load, by the error its boundary caught: how to make the screen's next render import afresh. */
const renewals = new WeakMap<object, () => void>();

const tracked = <T,>(load: () => Promise<T>): (() => Promise<T>) => {
  const attempt = async (): Promise<T> => {
    watchStylesheets();
    try {
      await reloadFailedStylesheets();
      const module = await load();
      failing.delete(attempt);
      return module;
    } catch (error) {
      failing.add(attempt);
      throw error;
    }
  };
  return attempt;
};

/** Tries every load that failed once more; resolves to whether some still cannot be had. */
export const retryFailedLoads = async (): Promise<boolean> => {
  await Promise.allSettled([...failing].map((attempt) => attempt()));
  return failing.size > 0;
};

/**
 * A screen whose code loads on first use. Unlike React.lazy, which keeps a rejected import for the page's life
 * (one network blip, and the tile shows the error screen until someone reloads a kiosk nobody ever reloads),
 * a failed load is shown once to the nearest error boundary and then forgotten: the screen's next render (the
 * boundary's retry, the next visit) imports it again. The boundary says when it has shown the failure
 * (forgetFailedLoad); forgetting any earlier would have React, which renders a failed subtree more than once
 * before it gives up, start a new import on each of those renders instead of ever showing the error.
 */
export function lazyScreen<P extends object>(load: Load<P>): ComponentType<P> {
  const attempt = tracked(load);
  const fresh = () =>
    lazy(() =>
      attempt().catch((error: unknown) => {
        const failure = error instanceof Object ? error : new Error(String(error));
        renewals.set(failure, () => {
          current = fresh();
        });
        throw failure;
      }),
    );
  let current = fresh();
  function LazyScreen(props: P) {
    const Screen = current;
    return <Screen {...props} />;
  }
  return LazyScreen;
}

/** Called by an error boundary once it shows what it caught: a screen that failed to load tries afresh next time. */
export const forgetFailedLoad = (error: unknown): void => {
  if (!(error instanceof Object)) return;
  renewals.get(error)?.();
  renewals.delete(error);
};

/**
 * A part the kiosk can do without for a while (the attract loop, the shift keeper, first-run setup). None has an
 * error boundary above it, and a throw there would blank the whole kiosk: so a failed load is never shown, the
 * part stays loading (its Suspense fallback) and tries again, sooner first, then every `maxRetryMs`.
 */
export function lazyPart<P extends object>(load: Load<P>, { firstRetryMs = 2_000, maxRetryMs = 60_000 } = {}): ComponentType<P> {
  const attempt = tracked(load);
  return lazy(
    () =>
      new Promise<{ default: ComponentType<P> }>((resolve) => {
        let delay = firstRetryMs;
        const tryOnce = () => {
          attempt().then(resolve, () => {
            setTimeout(tryOnce, delay);
            delay = Math.min(delay * 2, maxRetryMs);
          });
        };
        tryOnce();
      }),
  );
}
