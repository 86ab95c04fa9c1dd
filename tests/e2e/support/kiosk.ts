import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, expect, inject } from 'vitest';
import { launchChromium } from '../../support/chromium.ts';
import { type Reopen, seeState } from './fit.ts';
import { SHOTS, viewports, type ViewportName } from './shots.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');
export { launchChromium, SHOTS, viewports, type ViewportName };

/** One Chromium for a test file: launched before its tests, closed after them. */
export const useChromium = (): (() => Browser) => {
  let browser: Browser | undefined;
  beforeAll(async () => {
    browser = await launchChromium();
  });
  afterAll(async () => {
    await browser?.close();
  });
  return () => {
    if (!browser) throw new Error('Chromium is not running yet');
    return browser;
  };
};

export interface Kiosk {
  context: BrowserContext;
  page: Page;
  viewport: ViewportName;
  /**
   * A state of the flow a person sees: checked for fit (fit-inspect.ts) in every combination of orientation,
   * language and elderly mode; screenshots of each go to the contact sheet. A misfit fails the test at its end,
   * after the flow has run. A state a tap on the top bar would dismiss says how to close and reopen it.
   */
  state(name: string, reopen?: Reopen): Promise<void>;
  /** Runs axe-core on the current screen: zero violations, WCAG 2.x A and AA (and AAA contrast in elderly mode). */
  axe(screen: string): Promise<void>;
  tap(name: string | RegExp, role?: 'button' | 'radio' | 'switch' | 'link'): Promise<void>;
  /** Every row of an IndexedDB object store, read with the raw API so the test does not trust our Dexie code. */
  rows<T = Record<string, unknown>>(store: string): Promise<T[]>;
  close(): Promise<void>;
}

export const openKiosk = async (
  browser: Browser,
  viewport: ViewportName,
  options: { serviceWorkers?: 'allow' | 'block'; url?: string; beforeLoad?: (page: Page) => Promise<void>; prepare?: (context: BrowserContext) => Promise<void> } = {},
): Promise<Kiosk> => {
  const context = await browser.newContext({
    viewport: viewports[viewport],
    hasTouch: true,
    locale: 'zh-CN',
    timezoneId: 'Asia/Shanghai',
    serviceWorkers: options.serviceWorkers ?? 'block',
  });
  // The clock runs as usual, and a state can move it on to see that nothing changes by itself (fit.ts).
  await context.clock.install();
  // Before the page loads: init scripts, routes.
  await options.prepare?.(context);
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(String(e)));
  // The build's CSP (the shell's, less the server) must hold through every flow: a violation fails the test.
  page.on('console', (m) => {
    if (m.type() === 'error' && /Content Security Policy/i.test(m.text())) errors.push(`CSP: ${m.text()}`);
  });
  await options.beforeLoad?.(page);
  // The preview server of the global setup, unless a test serves the kiosk itself (the central server does).
  await page.goto(options.url ?? inject('baseUrl'));
  // The kiosk's own first screen, not the 'getting ready' one shown while the demo data is being seeded, nor the
  // home a first start paints from index.html before the app has taken over (first-start.e2e.ts taps that one).
  await page.locator('#root:not([data-snapshot]) #main h1').first().waitFor();
  return {
    context,
    page,
    viewport,
    state: (name, reopen) => seeState(page, name, viewport, reopen),
    axe: async (screen) => {
      // Through DevTools, not a <script> tag: the app's CSP (rightly) refuses inline scripts.
      await page.evaluate(axeSource);
      const result = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const tags = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'];
        const elderly = document.documentElement.dataset.elderly === 'true';
        const r = await axe.run(document, {
          runOnly: { type: 'tag', values: tags },
          // Elderly mode promises AAA contrast (7:1), which axe checks with a rule that is off by default.
          rules: { 'color-contrast-enhanced': { enabled: elderly } },
        });
        return r.violations.map((v) => `${v.id}: ${v.help} @ ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
      });
      expect(result, `axe on ${screen} (${viewport})`).toEqual([]);
    },
    tap: async (name, role = 'button') => {
      await page.getByRole(role, { name }).first().tap();
    },
    rows: (store) =>
      page.evaluate(
        (name) =>
          new Promise((resolve, reject) => {
            const open = indexedDB.open('yizhan');
            open.onerror = () => reject(open.error);
            open.onsuccess = () => {
              const tx = open.result.transaction(name, 'readonly');
              const all = tx.objectStore(name).getAll();
              all.onsuccess = () => {
                resolve(all.result);
                open.result.close();
              };
              all.onerror = () => reject(all.error);
            };
          }),
        store,
      ) as never,
    close: async () => {
      expect(errors, 'uncaught errors and CSP violations in the page').toEqual([]);
      await context.close();
    },
  };
};
