import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Kiosk, launchChromium, openKiosk, SHOTS, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

/** A slow disk or a busy tablet, made certain: every script the kiosk loads from now on arrives 400 ms late. */
const slowScripts = (page: Page) =>
  page.route(/\.js$/, async (route) => {
    await new Promise((resolve) => setTimeout(resolve, 400));
    await route.continue();
  });

/**
 * A network blip while a resident opens the feedback screen: every request for its code and its CSS fails until
 * `over()` is called. Returns what was refused and what was served.
 */
const blipOnFeedbackScreen = async (page: Page) => {
  const seen = { refused: [] as string[], served: [] as string[], down: true };
  await page.route(/\/FeedbackScreen-[\w-]+\.(js|css)$/, async (route) => {
    if (seen.down) {
      seen.refused.push(route.request().url());
      await route.abort('failed');
    } else {
      seen.served.push(route.request().url());
      await route.continue();
    }
  });
  return { seen, over: () => (seen.down = false) };
};

const errorNote = (page: Page) => page.getByRole('alert').filter({ has: page.getByRole('heading', { level: 1, name: '这一页暂时打不开' }) });

/** The resident taps the tile and meets the error note, then goes home with its 首页. */
const failToOpenFeedback = async (k: Kiosk) => {
  await k.tap(/^意见建议/);
  const note = errorNote(k.page);
  await note.waitFor();
  await note.getByRole('button', { name: '首页' }).tap();
  await k.page.locator('main nav.tiles').waitFor();
};

/** The feedback screen is up with its own CSS applied (its face scale is a grid only by feedback.css). */
const expectStyledFeedbackScreen = async (page: Page) => {
  await page.getByRole('heading', { level: 1, name: '意见建议' }).waitFor();
  await expect(errorNote(page).count()).resolves.toBe(0);
  await expect(page.locator('.feedback-faces').evaluate((faces) => getComputedStyle(faces).display)).resolves.toBe('grid');
};

const TILES = [/^签到/, /^服务菜单/, /^今日值班/, /^生活缴费/, /^微心愿/, /^通知活动/, /^便民设施/, /^意见建议/];

describe('moving between screens', () => {
  it('keeps the tapped screen up while the next one loads, so a first visit never shows an empty screen', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await slowScripts(page);
    // Records every moment the main area shows no screen title, whatever the cause (a Suspense fallback, an
    // error, a flash of nothing between two screens).
    await page.evaluate(() => {
      const w = window as unknown as { __blank: string[] };
      w.__blank = [];
      const main = document.getElementById('main')!;
      new MutationObserver(() => {
        if (!main.querySelector('h1') || main.querySelector('[aria-busy="true"]')) w.__blank.push(main.innerHTML.slice(0, 200));
      }).observe(main, { childList: true, subtree: true, attributes: true });
    });

    for (const tile of TILES) {
      await k.tap(tile);
      await page.locator('main nav.tiles').waitFor({ state: 'detached' });
      await page.locator('#main h1').first().waitFor();
      await k.tap('首页');
      await page.locator('main nav.tiles').waitFor();
    }
    await expect(page.evaluate(() => (window as unknown as { __blank: string[] }).__blank)).resolves.toEqual([]);
    await k.close();
  });

  it('opens the first of two tiles tapped while it loads, with nothing stacked behind it', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await slowScripts(page);
    await page.getByRole('button', { name: /^通知活动/ }).tap();
    await page.getByRole('button', { name: /^便民设施/ }).tap();
    await page.getByRole('heading', { level: 1, name: '通知活动' }).waitFor();
    // Long enough for the second screen to have arrived, had the tap opened it.
    await page.waitForTimeout(1000);
    await expect(page.getByRole('heading', { level: 1 }).allTextContents()).resolves.toEqual(['通知活动']);
    await expect(page.getByRole('button', { name: '返回' }).count()).resolves.toBe(0);
    await k.close();
  });

  it('opens a screen once when its tile is tapped twice while it loads', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    await slowScripts(page);
    const tile = page.getByRole('button', { name: /^意见建议/ });
    await tile.tap();
    await tile.tap();
    await page.getByRole('heading', { level: 1, name: '意见建议' }).waitFor();
    // One screen deep: no "back" to a copy of the same screen, and "home" is one tap away.
    await expect(page.getByRole('button', { name: '返回' }).count()).resolves.toBe(0);
    await k.tap('首页');
    await page.locator('main nav.tiles').waitFor();
    await k.close();
  });

  it('shows a calm note when a screen cannot load, in every combination, and its 首页 goes back home', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    // The feedback screen's chunk cannot be read (a damaged install, a cache that lost it): its import fails.
    const refused: string[] = [];
    await page.route(/\/FeedbackScreen-[\w-]+\.js$/, async (route) => {
      refused.push(route.request().url());
      await route.abort('failed');
    });
    await k.tap(/^意见建议/);
    const note = page.getByRole('alert').filter({ has: page.getByRole('heading', { level: 1, name: '这一页暂时打不开' }) });
    await note.waitFor();
    expect(refused).not.toEqual([]);
    await k.state('error-screen');
    await k.axe('error-screen');
    await note.getByRole('button', { name: '首页' }).tap();
    await page.locator('main nav.tiles').waitFor();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/^欢迎来到/);
    await expect(note.count()).resolves.toBe(0);
    await k.close();
  });

  it('opens a screen whose code failed to load in a blip with its error note\'s 再试一次, styled', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    const blip = await blipOnFeedbackScreen(page);
    await k.tap(/^意见建议/);
    const note = errorNote(page);
    await note.waitFor();
    // Still down: the note stays, and says so again, rather than a blank screen.
    const refusedBefore = blip.seen.refused.length;
    await note.getByRole('button', { name: '再试一次' }).tap();
    // Asked for again (the screen's CSS first: its code is fetched once the CSS is there), and refused again.
    await expect.poll(() => blip.seen.refused.length).toBeGreaterThan(refusedBefore);
    await note.waitFor();
    blip.over();
    await note.getByRole('button', { name: '再试一次' }).tap();
    await expectStyledFeedbackScreen(page);
    expect(blip.seen.served.some((url) => url.endsWith('.js'))).toBe(true);
    await k.close();
  });

  it('opens a screen whose code failed to load in a blip when its tile is tapped again, styled', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    const blip = await blipOnFeedbackScreen(page);
    await failToOpenFeedback(k);
    expect(blip.seen.refused.some((url) => url.endsWith('.js'))).toBe(true);
    expect(blip.seen.refused.some((url) => url.endsWith('.css'))).toBe(true);
    blip.over();

    await k.tap(/^意见建议/);
    await expectStyledFeedbackScreen(page);
    // Fetched again, code and CSS: not a failure remembered from the first tap.
    expect(blip.seen.served.some((url) => url.endsWith('.js'))).toBe(true);
    expect(blip.seen.served.some((url) => url.endsWith('.css'))).toBe(true);
    await page.screenshot({ path: `${SHOTS}/navigation-screen-after-blip.png` });
    await k.close();
  });

  it('reloads between residents where the browser remembers a failed chunk, and the tile then opens', async () => {
    // Chromium as it was before whatwg/html#10327 (older tablets, the shell's Chromium 146): a module fetch that
    // failed stays failed in the page's module map, so no import of that chunk can succeed in this page again.
    const browser = await launchChromium(['--disable-features=ModuleMapDoNotCacheFailedFetch']);
    try {
      const k = await openKiosk(browser, 'landscape');
      const { page } = k;
      const blip = await blipOnFeedbackScreen(page);
      await failToOpenFeedback(k);
      blip.over();
      // The blip is over, yet the screen still cannot open in this page: what the reload is for.
      await k.tap(/^意见建议/);
      await errorNote(page).waitFor();
      expect(blip.seen.served.filter((url) => url.endsWith('.js'))).toEqual([]);

      // The resident walks away from the note: at the idle reset the kiosk finds the chunk still failing and the
      // page reachable, and reloads.
      let reloaded = false;
      page.once('load', () => (reloaded = true));
      for (let waited = 0; !reloaded; waited += 5) {
        if (waited > 900) throw new Error('no reload within 15 idle minutes');
        await page.clock.fastForward(5_000);
        await page.waitForTimeout(100);
      }
      await page.locator('main nav.tiles').waitFor();

      await k.tap(/^意见建议/);
      await expectStyledFeedbackScreen(page);
      await page.screenshot({ path: `${SHOTS}/navigation-screen-after-reload.png` });
      await k.close();
    } finally {
      await browser.close();
    }
  });

  it('warns before the idle reset, in every combination, and 我还在 keeps the resident where they were', async () => {
    const k = await openKiosk(chromium(), 'portrait');
    const { page } = k;
    await k.tap(/^签到/);
    await page.getByRole('heading', { level: 1, name: '签到', exact: true }).waitFor();
    const warning = page.getByRole('alertdialog');
    // The warning comes the same way whatever the mode: the clock runs on, untouched, until it shows.
    const open = async () => {
      for (let waited = 0; !(await warning.isVisible()); waited += 5) {
        if (waited > 300) throw new Error('no idle warning after 5 minutes untouched');
        await page.clock.fastForward(5_000);
      }
    };
    const close = async () => {
      if (!(await warning.isVisible())) return;
      await warning.getByRole('button').tap();
      await warning.waitFor({ state: 'detached' });
    };
    await open();
    await expect(warning.getByRole('heading').innerText()).resolves.toBe('您还在吗？');
    await k.state('idle-warning', { open, close });
    await k.axe('idle-warning');
    await close();
    await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toBe('签到');
    await k.close();
  });
});
