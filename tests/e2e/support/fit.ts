import { appendFileSync, mkdirSync, writeFileSync } from 'node:fs';
import type { CDPSession, Page } from 'playwright-core';
import { expect } from 'vitest';
import { inspectScreen, screenSignature } from './fit-inspect.ts';
import { type Combo, type Language, SHOT_INDEX, SHOTS, type ShotEntry, viewports, type ViewportName } from './shots.ts';

/**
 * A screen that shows no change on its own before the person is done: the clock is moved this far on, every
 * timer due meanwhile fires, and the screen must still be the same. Well below the idle warning, which is the
 * one change allowed (DESIGN.md: no time pressure except the idle reset).
 */
const DWELL_MS = 30_000;

/**
 * Switches language and elderly mode through the top bar's own buttons, as a resident does; on first-run setup,
 * which has no top bar (nor elderly mode), the language through its own button.
 */
const switchTo = (page: Page, want: Omit<Combo, 'viewport'>) =>
  page.evaluate(async ({ elderly, language }) => {
    const press = (button: HTMLElement) => {
      button.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true }));
      button.click();
    };
    const bar = document.querySelector('header.topbar');
    const elderlyButton = bar?.querySelector<HTMLElement>('button[aria-pressed]');
    if (elderlyButton && (elderlyButton.getAttribute('aria-pressed') === 'true') !== elderly) press(elderlyButton);
    const languageButton = bar ? bar.querySelector<HTMLElement>('button[lang]') : document.querySelector<HTMLElement>('.kiosk--bare .screen__head button[lang]');
    if (languageButton && document.documentElement.lang !== language) press(languageButton);
    const frame = () => new Promise((resolve) => requestAnimationFrame(resolve));
    const wanted = () => document.documentElement.lang === language && (!elderlyButton || (document.documentElement.dataset.elderly === 'true') === elderly);
    for (let i = 0; i < 20 && !wanted(); i += 1) await frame();
    await frame();
    await frame();
    // The checks judge what a person reads once it has appeared: a thank-you fading in is measured faded in,
    // not a quarter of the way (its contrast would be its opacity's). Endless animations are left running.
    for (const animation of document.getAnimations()) {
      if (animation.playState === 'running' && Number.isFinite(animation.effect?.getComputedTiming().endTime)) animation.finish();
    }
    await document.fonts.ready;
  }, want);

const current = (page: Page) =>
  page.evaluate(() => ({
    elderly: document.documentElement.dataset.elderly === 'true',
    language: (document.documentElement.lang === 'en' ? 'en' : 'zh-CN') as Language,
    // Only a resident's screen with its top bar can switch; a modal dialog in front would be dismissed by a tap.
    switchable: !!document.querySelector('header.topbar button[aria-pressed]') && !document.querySelector('[aria-modal="true"]'),
    languageOnly: !document.querySelector('header.topbar') && !!document.querySelector('.kiosk--bare .screen__head button[lang]'),
  }));

const sessions = new WeakMap<Page, Promise<CDPSession>>();

/**
 * A half-size JPEG of the screen for the contact sheet, straight from DevTools: a third of the time of a full
 * screenshot, and a suite takes hundreds of them.
 */
const thumbnail = async (page: Page, path: string, size: { width: number; height: number }) => {
  let session = sessions.get(page);
  if (!session) sessions.set(page, (session = page.context().newCDPSession(page)));
  const { data } = await (await session).send('Page.captureScreenshot', { format: 'jpeg', quality: 70, optimizeForSpeed: true, clip: { x: 0, y: 0, ...size, scale: 0.5 } });
  writeFileSync(path, Buffer.from(data, 'base64'));
};

const slug = (text: string) => text.replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-|-$/g, '').slice(0, 80);

/**
 * A state in front of the top bar (a dialog that a tap would dismiss, like the idle warning): seen in every
 * combination by closing it, switching underneath, and bringing it back the way it came. Time is its change,
 * so it has no dwell: the idle warning counting down to the reset is the one change allowed.
 */
export interface Reopen {
  close(): Promise<void>;
  open(): Promise<void>;
}

/**
 * Looks at the state the flow has reached in every combination of orientation, language and elderly mode, all
 * through the same page (a resize, and the top bar's own buttons): inspectScreen's checks as soft assertions
 * (the flow goes on, the test fails), the elderly rules in elderly mode, and a screenshot of each for the
 * contact sheet. A flow runs once; its states are seen eight times. Leaves the page as it found it.
 */
export const seeState = async (page: Page, state: string, viewport: ViewportName, reopen?: Reopen) => {
  const flow = expect.getState().currentTestName ?? 'flow';
  const dir = `${SHOTS}/${slug(flow)}`;
  mkdirSync(dir, { recursive: true });
  const start = await current(page);
  const other: Language = start.language === 'zh-CN' ? 'en' : 'zh-CN';
  const own = start.switchable || reopen
    ? [
        { elderly: start.elderly, language: start.language },
        { elderly: !start.elderly, language: start.language },
        { elderly: !start.elderly, language: other },
        { elderly: start.elderly, language: other },
      ]
    : start.languageOnly
      ? [
          { elderly: start.elderly, language: start.language },
          { elderly: start.elderly, language: other },
        ]
      : [{ elderly: start.elderly, language: start.language }];
  const otherViewport: ViewportName = viewport === 'landscape' ? 'portrait' : 'landscape';
  const combos: Combo[] = [
    ...own.map((c) => ({ ...c, viewport })),
    ...[...own].reverse().map((c) => ({ ...c, viewport: otherViewport })),
  ];

  for (const [i, combo] of combos.entries()) {
    const started = performance.now();
    await reopen?.close();
    if (page.viewportSize()?.width !== viewports[combo.viewport].width) await page.setViewportSize(viewports[combo.viewport]);
    await switchTo(page, combo);
    if (reopen) {
      await reopen.open();
      await switchTo(page, combo);
    }
    const report = await page.evaluate(inspectScreen, { elderly: combo.elderly });
    const image = `${dir}/${slug(state)}--${combo.viewport}-${combo.language}-${combo.elderly ? 'elderly' : 'default'}.jpg`;
    await thumbnail(page, image, viewports[combo.viewport]);
    expect.soft(report.problems, `${state} (${combo.viewport}, ${combo.language}, ${combo.elderly ? 'elderly' : 'default'})`).toEqual([]);
    if (i === combos.length - 1 && !reopen) await dwellAndReturn(page, state, start, viewport, combos.some((c) => c.elderly));
    if (i === combos.length - 1 && reopen) {
      await reopen.close();
      if (page.viewportSize()?.width !== viewports[viewport].width) await page.setViewportSize(viewports[viewport]);
      await switchTo(page, start);
      await reopen.open();
    }
    const ms = Math.round(performance.now() - started);
    appendFileSync(SHOT_INDEX, `${JSON.stringify({ flow, state, ...combo, image: image.slice(SHOTS.length + 1), problems: report.problems, ms } satisfies ShotEntry)}\n`);
  }
};

/**
 * Back to the flow's own orientation and mode, after the elderly rule that needs time: in elderly mode, the
 * screen must be the same screen after the clock moves on. Last, so the screenshots keep what shows for a
 * moment (a thank-you, an undo).
 */
const dwellAndReturn = async (page: Page, state: string, start: Omit<Combo, 'viewport'>, viewport: ViewportName, elderlySeen: boolean) => {
  if (page.viewportSize()?.width !== viewports[viewport].width) await page.setViewportSize(viewports[viewport]);
  if (elderlySeen) {
    await switchTo(page, { elderly: true, language: start.language });
    const before = await page.evaluate(screenSignature);
    await page.clock.fastForward(DWELL_MS);
    await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(resolve)));
    expect.soft(await page.evaluate(screenSignature), `${state}: in elderly mode the screen changed by itself within ${DWELL_MS / 1000} s`).toBe(before);
  }
  await switchTo(page, start);
};
