import Database from 'better-sqlite3';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ConsoleSession } from './support/console.ts';
import { openConsole } from './support/console.ts';
import { askAtKiosk, COMMUNITY_A, COMMUNITY_B, type District, goTo, openDistrict, PASSWORD, printed, signedIn } from './support/console-district.ts';
import { waitSynced } from './support/demo-server.ts';
import { useChromium } from './support/kiosk.ts';

/**
 * Who may see what, and signing in, in Chromium on one real server with a kiosk in each of two communities: an
 * administrator makes a community-staff account in the console; signed in in a browser of their own, that person
 * sees their community's stations and requests and not the other's, and a guessed address of the other's request
 * says in words that it is not theirs. Sign-in failures say why: a wrong password, a lockout, a session that ended
 * (it sends the person to sign in with the reason, and back to the page they were on).
 */
const chromium = useChromium();
const SESSION_MS = 300_000;

const cleanup: (() => Promise<void>)[] = [];
afterAll(async () => {
  for (const step of cleanup.reverse()) await step().catch((error: unknown) => console.warn('cleanup', error));
});

let district: District;
let admin: ConsoleSession;
/** Receipt numbers of the request asked at each community's kiosk. */
const asked = { a: '', b: '' };

beforeAll(async () => {
  district = await openDistrict(
    chromium(),
    cleanup,
    [
      { name: '幸福里一号驿站', communityId: COMMUNITY_A.id },
      { name: '和平里一号驿站', communityId: COMMUNITY_B.id },
    ],
    [
      { login: 'zhao.admin', name: '赵科长', role: { kind: 'district-admin' } },
      { login: 'li.zhuren', name: '李主任', role: { kind: 'community-staff', communityId: COMMUNITY_A.id } },
      { login: 'sun.locked', name: '孙干事', role: { kind: 'community-staff', communityId: COMMUNITY_B.id } },
    ],
  );
  const [inA, inB] = district.kiosks as [District['kiosks'][0], District['kiosks'][0]];
  asked.a = await askAtKiosk(inA.kiosk);
  asked.b = await askAtKiosk(inB.kiosk);
  for (const { kiosk } of [inA, inB]) {
    await kiosk.tap(/完成/);
    await waitSynced(kiosk.page);
  }
  admin = await signedIn(chromium(), district.url, cleanup, 'zhao.admin');
}, SESSION_MS);

describe('accounts and scope in the console', () => {
  it('an admin makes a community-staff account; signed in elsewhere, they see their community\'s stations and requests only, and another\'s request by address is refused in words', async () => {
    const { page } = admin;
    // The other community's request as the admin sees it: its address is what a curious person could guess.
    await goTo(page, '群众点单');
    // Two stations may give the same receipt number: the station tells them apart.
    const rowB = page.getByRole('table', { name: '诉求列表' }).getByRole('row', { name: new RegExp(printed(asked.b)) }).filter({ hasText: '和平里一号驿站' });
    await rowB.waitFor({ timeout: 30_000 });
    const addressOfB = await rowB.getByRole('link').getAttribute('href');
    expect(addressOfB).toMatch(/^\/console\/requests\//);

    await goTo(page, '工作人员账号');
    await page.getByRole('button', { name: '新建账号' }).click();
    const dialog = page.getByRole('dialog', { name: '新建账号' });
    await dialog.getByLabel('登录账号').fill('zhou.ganshi');
    await dialog.getByLabel('姓名').fill('周干事');
    await dialog.getByRole('combobox', { name: '角色' }).selectOption({ label: '社区工作人员' });
    await dialog.getByRole('combobox', { name: '社区' }).selectOption({ label: '幸福里社区' });
    await dialog.getByLabel('初始密码').fill('zhou first password 2026');
    await admin.shot('staff-new');
    await admin.axe('staff-new');
    await dialog.getByRole('button', { name: '保存' }).click();
    await dialog.waitFor({ state: 'detached' });
    await page.getByRole('status').filter({ hasText: '已为 周干事 建好账号' }).waitFor();
    await expect(page.getByRole('row', { name: /周干事/ }).textContent()).resolves.toContain('幸福里社区');
    await admin.shot('staff-created');
    await admin.axe('staff-created');

    // The new colleague, in a browser of their own.
    const zhou = await openConsole(chromium(), district.url);
    cleanup.push(() => zhou.context.close());
    await zhou.signIn('zhou.ganshi', 'zhou first password 2026');
    await goTo(zhou.page, '设备状态');
    const board = zhou.page.getByRole('table', { name: '设备状态' });
    await board.getByRole('row', { name: /幸福里一号驿站/ }).waitFor();
    await expect(board.getByRole('row', { name: /和平里/ }).count()).resolves.toBe(0);
    await zhou.shot('scope-stations');
    await goTo(zhou.page, '群众点单');
    const inbox = zhou.page.getByRole('table', { name: '诉求列表' });
    await inbox.getByRole('row', { name: new RegExp(printed(asked.a)) }).filter({ hasText: '幸福里一号驿站' }).waitFor();
    await expect(inbox.getByRole('row').filter({ hasText: '和平里' }).count()).resolves.toBe(0);
    await zhou.shot('scope-inbox');

    await zhou.page.goto(new URL(addressOfB!, district.url).href);
    await zhou.page.getByRole('alert').filter({ hasText: '没有找到，可能已被删除，或不在您的管理范围内' }).waitFor();
    await expect(zhou.page.locator('main').textContent()).resolves.not.toContain('5号楼1单元');
    await zhou.shot('scope-guessed-request');
    await zhou.axe('scope-guessed-request');
    await zhou.close();
  }, SESSION_MS);

  it('says why a sign-in fails: a wrong password, then the lockout after repeated failures', async () => {
    const person = await openConsole(chromium(), district.url);
    cleanup.push(() => person.context.close());
    const { page } = person;
    /** One try, until the server has answered it: what the page says then. */
    const attempt = async (password: string) => {
      await page.getByLabel('账号').fill('sun.locked');
      await page.getByLabel('密码').fill(password);
      await Promise.all([page.waitForResponse((response) => response.url().endsWith('/console/api/session/login')), page.getByRole('button', { name: '登录' }).click()]);
      await page.getByRole('button', { name: '登录' }).waitFor();
      return (await page.getByRole('alert').allTextContents()).join(' ');
    };
    await expect(attempt('not my password')).resolves.toContain('账号或密码不对，请重新输入');
    const said: string[] = [];
    while (said.length < 10 && !said.some((text) => text.includes('锁定'))) said.push(await attempt(`still not my password ${said.length}`));
    expect(said.at(-1)).toMatch(/输错次数太多，账号已暂时锁定，请 \d+ 分钟后再试/);
    // It locks at the policy's fifth failure, each one before it said as a wrong password.
    expect(said.length).toBe(4);
    for (const text of said.slice(0, -1)) expect(text).toContain('账号或密码不对');
    await person.shot('sign-in-locked');
    await person.axe('sign-in-locked');
    // Locked means locked: the right password does not open it either, and the page says so again.
    await attempt(PASSWORD);
    await page.getByRole('alert').filter({ hasText: /账号已暂时锁定/ }).waitFor();
    await expect(page.getByRole('navigation', { name: '主导航' }).count()).resolves.toBe(0);
    await person.close();
  }, SESSION_MS);

  it('sends a person whose session ended to sign in, says why, and brings them back to the page they were on', async () => {
    const staff = await signedIn(chromium(), district.url, cleanup, 'li.zhuren');
    const { page } = staff;
    await goTo(page, '通知与活动');
    const services = page.getByRole('navigation', { name: '主导航' }).getByRole('link', { name: '服务菜单', exact: true });
    const servicesAddress = await services.getAttribute('href');

    // The session row ends (as at the end of its lifetime); the next thing the person does finds out.
    const writer = new Database(district.db.sqlitePath!, { timeout: 5_000 });
    try {
      const ended = writer
        .prepare("UPDATE staff_sessions SET expires_at = '2000-01-01T00:00:00.000Z', idle_expires_at = '2000-01-01T00:00:00.000Z' WHERE staff_id = (SELECT id FROM staff WHERE login = ?)")
        .run('li.zhuren');
      expect(ended.changes).toBeGreaterThan(0);
    } finally {
      writer.close();
    }
    await services.click();
    await page.getByRole('heading', { name: '登录社区工作台' }).waitFor({ timeout: 30_000 });
    await page.getByText('登录已过期，请重新登录。').waitFor();
    expect(new URL(page.url()).pathname).toBe(servicesAddress);
    await staff.shot('sign-in-session-expired');
    await staff.axe('sign-in-session-expired');

    await staff.signIn('li.zhuren', PASSWORD);
    await page.getByRole('heading', { level: 1, name: '服务菜单' }).waitFor();
    expect(new URL(page.url()).pathname).toBe(servicesAddress);
    await staff.shot('signed-in-again');
    await staff.close();
  }, SESSION_MS);
});
