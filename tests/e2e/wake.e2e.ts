import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type Kiosk, openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

type Input = 'touch' | 'mouse';

/** The kiosk idle long enough for its attract screen (the demo station's 180 s), its clock under the test's control. */
const idleKiosk = async (): Promise<{ k: Kiosk; checkin: { x: number; y: number } }> => {
  const k = await openKiosk(chromium(), 'landscape');
  await k.page.clock.install();
  await k.page.reload();
  await k.page.getByRole('navigation').waitFor();
  const box = await k.page.getByRole('button', { name: /^签到/ }).boundingBox();
  if (!box) throw new Error('no check-in tile on home');
  // The idle guard arms its timers in an effect after home shows; on a loaded machine that can come after the
  // first jump, so the kiosk is left idle again until its attract screen is up.
  for (let jump = 0; ; jump += 1) {
    await k.page.clock.fastForward('03:10');
    const shown = await attract(k.page).waitFor({ timeout: 5_000 }).then(() => true, () => false);
    if (shown) break;
    if (jump === 2) throw new Error('no attract screen after three idle spells');
  }
  return { k, checkin: { x: box.x + box.width / 2, y: box.y + box.height / 2 } };
};

const attract = (page: Page) => page.getByRole('dialog', { name: /点一下屏幕开始/ });

const tapAt = async (page: Page, input: Input, at: { x: number; y: number }) => {
  if (input === 'touch') await page.touchscreen.tap(at.x, at.y);
  else await page.mouse.click(at.x, at.y);
};

/** The check-in screen opened: the resident's tap reached the tile. */
const checkinOpens = (page: Page) => page.getByRole('heading', { level: 1, name: '签到' }).waitFor({ timeout: 10_000 });

describe('waking the attract screen', () => {
  it.each(['touch', 'mouse'] as const)(
    'a %s tap wakes it without pressing the tile under the finger, and the next tap opens that tile',
    async (input) => {
      const { k, checkin } = await idleKiosk();
      const { page } = k;
      await tapAt(page, input, checkin);
      await attract(page).waitFor({ state: 'detached' });
      await page.waitForTimeout(300);
      await expect(page.getByRole('heading', { level: 1 }).innerText()).resolves.toMatch(/^欢迎来到/);

      await tapAt(page, input, checkin);
      await checkinOpens(page);
      await k.close();
    },
  );

  it('a waking touch that slides away (no click ever comes) leaves the next tap working', async () => {
    const { k, checkin } = await idleKiosk();
    const { page } = k;
    const cdp = await page.context().newCDPSession(page);
    const touch = (type: 'touchStart' | 'touchMove' | 'touchEnd', y: number) =>
      cdp.send('Input.dispatchTouchEvent', { type, touchPoints: type === 'touchEnd' ? [] : [{ x: 40, y }] });
    await touch('touchStart', 300);
    for (const y of [340, 400, 480]) await touch('touchMove', y);
    await touch('touchEnd', 480);
    await attract(page).waitFor({ state: 'detached' });

    await page.touchscreen.tap(checkin.x, checkin.y);
    await checkinOpens(page);
    await k.close();
  });

  it.each(['touch', 'mouse'] as const)(
    "a wake whose click is never delivered does not eat the resident's next %s tap",
    async (input) => {
      const { k, checkin } = await idleKiosk();
      const { page } = k;
      // The waking pointerdown alone, as when the browser drops the click of a tap that woke the screen.
      await page.evaluate(
        (pointerType) => document.body.dispatchEvent(new PointerEvent('pointerdown', { bubbles: true, pointerId: pointerType === 'mouse' ? 1 : 2, pointerType })),
        input,
      );
      await attract(page).waitFor({ state: 'detached' });

      await tapAt(page, input, checkin);
      await checkinOpens(page);
      await k.close();
    },
  );
});
