import type { Locator, Page } from 'playwright-core';

/**
 * What residents do at the kiosk, one flow per home tile, each as a person does it (touch taps on what the
 * screen shows) and each ending back on home. The selectors are the end-to-end suite's (tests/e2e).
 */
export interface Flow {
  name: string;
  /** The home tile that opens the flow; its tap is the one timed. */
  tile: RegExp;
  /** The flow's own steps once its first screen shows, up to (not including) the way back home. */
  steps(page: Page): Promise<void>;
  /** How the resident leaves when done: a "done" button back to home, or the home button. */
  leave: 'done' | 'home';
}

const tap = (locator: Locator) => locator.first().tap();
const button = (page: Page, name: string | RegExp) => page.getByRole('button', { name });
const radio = (page: Page, name: string | RegExp) => page.getByRole('radio', { name });
const statusSays = (page: Page, text: string) => page.getByRole('status').filter({ hasText: text }).first().waitFor();
const typeDigits = async (page: Page, digits: string) => {
  for (const digit of digits) await page.getByRole('button', { name: digit, exact: true }).tap();
};

export const flows: Flow[] = [
  {
    name: 'check-in',
    tile: /^签到/,
    leave: 'done',
    async steps(page) {
      await tap(radio(page, '本小区居民'));
      await page.getByRole('radio').nth(1).tap();
      await statusSays(page, '签到成功');
    },
  },
  {
    name: 'services',
    tile: /^服务菜单/,
    leave: 'done',
    async steps(page) {
      await tap(button(page, /^便民服务/));
      await tap(button(page, /^便民小修/));
      await tap(button(page, '请值班志愿者帮我办'));
      await statusSays(page, '已经为您叫了值班志愿者');
    },
  },
  {
    name: 'duty',
    tile: /^今日值班/,
    leave: 'home',
    async steps(page) {
      await page.getByRole('region', { name: '正在值班' }).waitFor();
    },
  },
  {
    name: 'bills',
    tile: /^生活缴费/,
    leave: 'done',
    async steps(page) {
      await tap(button(page, /^电费/));
      await tap(radio(page, '请志愿者帮我缴'));
      await typeDigits(page, '1234567890');
      await tap(button(page, '下一步'));
      await tap(button(page, '确认，取排队号'));
      await statusSays(page, '已经为您叫了值班志愿者');
    },
  },
  {
    name: 'requests',
    tile: /^微心愿/,
    leave: 'done',
    async steps(page) {
      await tap(radio(page, /微诉求/));
      await tap(radio(page, /家居维修/));
      await tap(button(page, /水管漏水/));
      await tap(button(page, '提交微诉求'));
      await page.getByRole('heading', { name: '已收到您的微诉求' }).waitFor();
    },
  },
  {
    name: 'notices',
    tile: /^通知活动/,
    leave: 'home',
    async steps(page) {
      await tap(page.getByRole('region', { name: '近期活动' }).getByRole('button'));
      await page.locator('.notice__body').waitFor();
      await tap(button(page, '返回'));
      await page.getByRole('heading', { level: 1, name: '通知活动' }).waitFor();
    },
  },
  {
    name: 'amenities',
    tile: /^便民设施/,
    leave: 'home',
    async steps(page) {
      const umbrella = page.getByRole('listitem', { name: /^爱心雨伞/ });
      await tap(button(page, '借用（爱心雨伞）'));
      await umbrella.getByRole('status').filter({ hasText: '已记录借用' }).waitFor();
      await tap(button(page, '归还（爱心雨伞）'));
      await umbrella.getByRole('status').filter({ hasText: '已记录归还' }).waitFor();
    },
  },
  {
    name: 'feedback',
    tile: /^意见建议/,
    leave: 'done',
    async steps(page) {
      await tap(radio(page, /^满意$/));
      await tap(button(page, '提交评价'));
      await statusSays(page, '谢谢您的评价');
    },
  },
];

/** Back to home the way the flow offers, and home's tiles showing again. */
export const leave = async (page: Page, flow: Flow): Promise<void> => {
  await tap(flow.leave === 'done' ? button(page, /^完成/) : button(page, /^首页$/));
  await page.getByRole('navigation').waitFor();
};
