import type { Browser, BrowserContext, Page } from 'playwright-core';
import { launchChromium as launchSharedChromium } from '../../support/chromium.ts';

/** The CPU slowdown every bench runs under, applied to the page's main thread (not to IndexedDB's backend). */
export const CPU_THROTTLE = Number(process.env.BENCH_CPU_THROTTLE ?? 4);

/** Debian's Chromium with the end-to-end suite's flags, plus two the benches need. */
export const launchChromium = (): Promise<Browser> =>
  launchSharedChromium([
    // Every host name but loopback resolves to nothing: the benches reach only 127.0.0.1.
    '--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1',
    // Lets the store page collect garbage between samples (outside the timed part); changes nothing else.
    '--js-flags=--expose-gc',
  ]);

/** A fresh context shaped like the kiosk: landscape tablet, touch, zh-CN, China time. Its storage starts empty. */
export const kioskContext = (browser: Browser, serviceWorkers: 'allow' | 'block' = 'block'): Promise<BrowserContext> =>
  browser.newContext({
    viewport: { width: 1280, height: 800 },
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers,
  });

/**
 * A DevTools session on the page that sets its CPU throttling (1 = none). The session stays attached: the
 * override lives as long as it does, across reloads, and ends with the page.
 */
export const cpuThrottle = async (page: Page): Promise<(rate?: number) => Promise<void>> => {
  const cdp = await page.context().newCDPSession(page);
  return async (rate = CPU_THROTTLE) => {
    await cdp.send('Emulation.setCPUThrottlingRate', { rate });
  };
};

/** Collects uncaught page errors, so a bench that measured a broken page says so instead of printing numbers. */
export const watchErrors = (page: Page): (() => string[]) => {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  return () => errors;
};

/** Runs a measurement; if it fails, the error says which uncaught page errors came before (the usual cause). */
export const explained = async <T>(errors: () => string[], measure: () => Promise<T>): Promise<T> => {
  try {
    return await measure();
  } catch (error) {
    const seen = [...new Set(errors())];
    if (!seen.length) throw error;
    throw new Error(`${error instanceof Error ? error.message.split('\n')[0] : String(error)}; page errors: ${seen.join(' | ')}`, { cause: error });
  }
};
