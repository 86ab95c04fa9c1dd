import type { Browser, BrowserContext, Page } from 'playwright-core';
import type { BenchWindow } from '../page/api.ts';
import { cpuThrottle, kioskContext, watchErrors } from './chromium.ts';

export interface StorePage {
  context: BrowserContext;
  page: Page;
  setCpu(rate?: number): Promise<void>;
  errors(): string[];
}

/** Opens the store bench page in a fresh context (an empty IndexedDB) and waits until window.bench is there. */
export const openStorePage = async (ctx: { browser: Browser; pageUrl: string }): Promise<StorePage> => {
  const context = await kioskContext(ctx.browser, 'block');
  const page = await context.newPage();
  const errors = watchErrors(page);
  await page.goto(ctx.pageUrl);
  await page.waitForFunction(() => (window as unknown as BenchWindow).benchReady === true, undefined, { timeout: 30_000 });
  return { context, page, setCpu: await cpuThrottle(page), errors };
};
