import { mkdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { expect } from 'vitest';
import { SHOTS } from './kiosk.ts';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

/** The console is desktop first: the 1366×768, and a tablet's 1024×768 for the pages that must work there. */
export const consoleViewports = { desktop: { width: 1366, height: 768 }, tablet: { width: 1024, height: 768 } } as const;

export interface ConsoleSession {
  context: BrowserContext;
  page: Page;
  /** A full-page screenshot under test-output/screenshots/console/, for a person to look at. */
  shot(name: string): Promise<void>;
  /** axe-core on the page as it is: zero violations of WCAG 2.x A and AA and best practice. */
  axe(name: string): Promise<void>;
  signIn(login: string, password: string): Promise<void>;
  /** Uncaught errors, CSP violations and failed requests other than those a test expects. */
  close(): Promise<void>;
}

/**
 * A staff member's browser on the console the real server serves at /console: its own context (its own
 * cookie jar), the stations' time zone, and a watch on the page for uncaught errors and any CSP violation (the
 * console's policy refuses inline scripts and styles; ECharts, the QR badges and every page must live with it).
 */
export const openConsole = async (browser: Browser, serverUrl: string, { viewport = 'desktop', path = '/console/' }: { viewport?: keyof typeof consoleViewports; path?: string } = {}): Promise<ConsoleSession> => {
  const context = await browser.newContext({ viewport: consoleViewports[viewport], locale: 'zh-CN', timezoneId: 'Asia/Shanghai', acceptDownloads: true });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (error) => problems.push(String(error)));
  page.on('console', (message) => {
    if (message.type() === 'error' && /Content Security Policy|Refused to/i.test(message.text())) problems.push(`CSP: ${message.text()}`);
  });
  await page.goto(new URL(path, serverUrl).href);
  mkdirSync(`${SHOTS}/console`, { recursive: true });
  return {
    context,
    page,
    shot: async (name) => {
      await page.waitForTimeout(200);
      await page.screenshot({ path: `${SHOTS}/console/${name}.png`, fullPage: true });
    },
    axe: async (name) => {
      await page.evaluate(axeSource);
      const violations = await page.evaluate(async () => {
        const axe = (window as unknown as { axe: { run: (context: Document, options: object) => Promise<{ violations: { id: string; help: string; nodes: { target: string[] }[] }[] }> } }).axe;
        const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] } });
        return result.violations.map((violation) => `${violation.id}: ${violation.help} @ ${violation.nodes.map((node) => node.target.join(' ')).join(', ')}`);
      });
      expect(violations, `axe on the console's ${name}`).toEqual([]);
    },
    signIn: async (login, password) => {
      await page.getByLabel('账号').fill(login);
      await page.getByLabel('密码').fill(password);
      await page.getByRole('button', { name: '登录' }).click();
      await page.getByRole('navigation', { name: '主导航' }).waitFor();
    },
    close: async () => {
      expect(problems, 'uncaught errors and CSP violations in the console').toEqual([]);
      await context.close();
    },
  };
};
