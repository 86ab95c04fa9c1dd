import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { openKiosk, useChromium } from './support/kiosk.ts';

const chromium = useChromium();

/** Whether the shell (here its web fallback, window.kiosk) holds a technician session open. */
const gateUnlocked = async (page: Page): Promise<boolean> => {
  const answer = (await page.evaluate(() => (window as unknown as { kiosk: { invoke(c: string, r?: unknown): Promise<unknown> } }).kiosk.invoke('technician:status'))) as { ok: boolean; value: { unlocked: boolean } };
  if (!answer.ok) throw new Error('technician:status refused');
  return answer.value.unlocked;
};

describe('technician', () => {
  it('opens only after five quick taps and the PIN, shows diagnostics, and locks again on leaving', async () => {
    const k = await openKiosk(chromium(), 'landscape');
    const { page } = k;
    const station = page.getByRole('button', { name: /幸福里社区红色驿站/ });
    await station.tap();
    await expect(page.getByRole('heading', { name: '技术员入口' }).count()).resolves.toBe(0);
    // Taps count within a 3 s window: let the single tap above fall out of it.
    await page.waitForTimeout(3100);
    for (let i = 0; i < 5; i += 1) await station.tap();
    await page.getByRole('heading', { name: '技术员入口' }).waitFor();
    await k.state('technician-pin');
    await k.axe('technician-pin');

    for (const d of '1111') await page.getByRole('button', { name: d, exact: true }).tap();
    await k.tap('进入');
    await page.getByRole('alert').filter({ hasText: '密码不对' }).waitFor();

    for (const d of '24681357') await page.getByRole('button', { name: d, exact: true }).tap();
    await k.tap('进入');
    await page.getByRole('heading', { name: '设备诊断' }).waitFor();
    // This suite's station has a centre that cannot be reached (the network is fine), and no token yet.
    await page.getByText('网络已连接，但社区中心没有应答', { exact: true }).waitFor();
    const row = (label: string) => page.locator('.row', { has: page.getByText(label, { exact: true }) }).locator('strong');
    await expect.poll(() => row('能连上社区中心').textContent(), { timeout: 15_000 }).toBe('否');
    await expect.poll(() => row('同步凭证保护').textContent()).toBe('尚无凭证');
    await expect(row('社区中心地址').textContent()).resolves.toBe('http://127.0.0.1:9');
    const download = page.waitForEvent('download');
    await k.tap('导出未上传记录');
    expect((await download).suggestedFilename()).toMatch(/^unsynced-.*\.json$/);
    await page.getByRole('status').filter({ hasText: '导出未上传记录：完成' }).waitFor();
    await k.state('technician-diagnostics');
    await k.axe('technician-diagnostics');

    await k.tap('退出技术员模式');
    await page.getByRole('navigation').waitFor();
    await expect(gateUnlocked(k.page)).resolves.toBe(false);

    // Walking off through the top bar ends the session too.
    await page.waitForTimeout(3100);
    for (let i = 0; i < 5; i += 1) await station.tap();
    for (const d of '24681357') await page.getByRole('button', { name: d, exact: true }).tap();
    await k.tap('进入');
    await page.getByRole('heading', { name: '设备诊断' }).waitFor();
    await expect(gateUnlocked(k.page)).resolves.toBe(true);
    // Diagnostics outlasting the shell's session (its minutes ran out): the setup asks for the PIN again.
    await page.evaluate(() => (window as unknown as { kiosk: { invoke(c: string): Promise<unknown> } }).kiosk.invoke('technician:lock'));
    await k.tap('修改站点设置');
    await page.getByRole('heading', { name: '技术员入口' }).waitFor();
    await expect(page.getByRole('form').count()).resolves.toBe(0);
    for (const d of '24681357') await page.getByRole('button', { name: d, exact: true }).tap();
    await k.tap('进入');
    await page.getByRole('heading', { name: '设备诊断' }).waitFor();
    // One tap on the station's name is the way home (out of the five-tap window, so it is not counted in one).
    await page.waitForTimeout(3100);
    await station.tap();
    await page.getByRole('navigation').waitFor();
    await expect.poll(() => gateUnlocked(k.page)).toBe(false);
    await k.close();
  });
});
