import { screen, within } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { freshDb, renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';

const route = { screen: 'requests', params: undefined } as const;

// The screen is lazy: compile it once up front, so the first test's short findBy waits do not time the compiler.
beforeAll(async () => {
  await import('./RequestsScreen.tsx');
});

// Each test taps through several steps of a lazily loaded screen: seconds on a busy two-core machine.
describe('RequestsScreen', { timeout: 20_000 }, () => {
  it('goes kind → category → phrases and writes the request, its submit event and two outbox entries', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('radio', { name: /微诉求/ }));
    await user.click(await screen.findByRole('radio', { name: /家居维修/ }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('微诉求 · 家居维修');
    const leak = screen.getByRole('button', { name: /水管漏水/ });
    await user.click(leak);
    await user.click(screen.getByRole('button', { name: /下水道堵了/ }));
    await user.click(screen.getByRole('button', { name: /门窗或门锁坏了/ }));
    await user.click(screen.getByRole('button', { name: /门窗或门锁坏了/ }));
    expect(leak).toHaveAttribute('aria-pressed', 'true');
    await user.type(screen.getByLabelText(/补充说明/), '  5号楼1单元  ');
    await user.click(screen.getByRole('button', { name: '提交微诉求' }));

    expect(await screen.findByRole('status')).toHaveTextContent('已收到您的微诉求');
    const [request] = await db.requests.toArray();
    const events = await db.requestEvents.toArray();
    expect(request).toMatchObject({ requestKind: 'complaint', category: 'home-repair', phrases: ['water-leak', 'drain'], text: '5号楼1单元', number: expect.stringMatching(/^\d{7}$/) });
    expect(request?.contact).toBeUndefined();
    expect(events).toEqual([expect.objectContaining({ requestId: request?.id, type: 'submit', actor: 'resident' })]);
    expect((await db.outbox.toArray()).map((e) => [e.seq, e.kind, e.id])).toEqual([
      [1, 'request', request?.id],
      [2, 'request-event', events[0]?.id],
    ]);

    expect(screen.getByText(`${request!.number.slice(0, 4)}-${request!.number.slice(4)}`)).toHaveClass('big-number');
    expect(screen.getByRole('img', { name: '手机扫码，存下编号' })).toBeInTheDocument();
    expect(screen.getByText(/社区派单、党员接单/)).toBeInTheDocument();
    expect(screen.getByText(/您没留电话/)).toBeInTheDocument();
  });

  it('gives a second request a higher number, and shows each on its receipt', async () => {
    const db = await freshDb();
    for (let i = 0; i < 2; i += 1) {
      const { user, unmount } = await renderScreen(route, { db });
      await user.click(await screen.findByRole('radio', { name: /微心愿/ }));
      await user.click(await screen.findByRole('radio', { name: /助老助残/ }));
      await user.click(screen.getByRole('button', { name: /买菜做饭有困难/ }));
      await user.click(screen.getByRole('button', { name: '提交微心愿' }));
      const newest = (await db.requests.toArray()).sort((a, b) => a.at.localeCompare(b.at) || a.number.localeCompare(b.number)).at(-1)!;
      expect(await screen.findByText(`${newest.number.slice(0, 4)}-${newest.number.slice(4)}`)).toBeInTheDocument();
      unmount();
    }
    const [first, second] = (await db.requests.toArray()).map((r) => Number(r.number)).sort((a, b) => a - b);
    expect(second).toBeGreaterThan(first!);
  });

  it('asks for a phrase or some words, and writes nothing until given one', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('radio', { name: /微梦想/ }));
    await user.click(await screen.findByRole('radio', { name: /文体活动/ }));
    await user.click(screen.getByRole('button', { name: '提交微梦想' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请至少点选一项情况，或写几句话');
    await user.type(screen.getByLabelText(/补充说明/), '   ');
    await user.click(screen.getByRole('button', { name: '提交微梦想' }));
    expect(screen.getByRole('alert')).toHaveTextContent('请至少点选一项情况');
    expect(await db.requests.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await user.type(screen.getByLabelText(/补充说明/), '想组织一支太极拳队');
    expect(screen.queryByRole('alert')).toBeNull();
    await user.click(screen.getByRole('button', { name: '提交微梦想' }));
    await screen.findByRole('status');
    expect(await db.requests.toArray()).toEqual([expect.objectContaining({ phrases: [], text: '想组织一支太极拳队', requestKind: 'dream' })]);
  });

  it('keeps free text within 500 characters and says how many are left', async () => {
    const { user } = await renderScreen(route);
    await user.click(await screen.findByRole('radio', { name: /微诉求/ }));
    await user.click(await screen.findByRole('radio', { name: /其他/ }));
    const box = screen.getByLabelText(/补充说明/);
    expect(box).toHaveAttribute('maxLength', '500');
    await user.type(box, '路灯');
    expect(screen.getByText('还可以写 498 个字')).toBeInTheDocument();
  });

  it('refuses an invalid phone, then stores a valid one with consent and shows it masked', async () => {
    const { db, user } = await renderScreen(route, { language: 'en' });
    await user.click(await screen.findByRole('radio', { name: /Small request/ }));
    await user.click(await screen.findByRole('radio', { name: /Property management/ }));
    await user.click(screen.getByRole('button', { name: /The lift is broken/ }));
    await user.click(screen.getByRole('switch', { name: /I agree/ }));
    const keys = screen.getByRole('group', { name: /number keys/ });
    for (const d of '1381234') await user.click(within(keys).getByRole('button', { name: d }));
    await user.click(screen.getByRole('button', { name: 'Send my small request' }));
    const alerts = (await screen.findAllByRole('alert')).map((a) => a.textContent);
    expect(alerts).toEqual([expect.stringMatching(/isn't right/), expect.stringMatching(/needs fixing/)]);
    expect(await db.requests.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    for (const d of '5678') await user.click(within(keys).getByRole('button', { name: d }));
    await user.click(screen.getByRole('button', { name: 'Send my small request' }));
    expect(await screen.findByRole('heading', { level: 1, name: "We've received your small request" })).toBeInTheDocument();
    expect(screen.getByText(/call you on 138\*\*\*\*5678/)).toBeInTheDocument();
    expect(screen.queryByText(/13812345678/)).toBeNull();
    const [request] = await db.requests.toArray();
    expect(request?.contact).toMatchObject({ phone: '13812345678' });
    expect(request?.contact?.consentAt).toEqual(expect.any(String));
  });

  it('says nothing was saved when the store fails, and writes nothing', async () => {
    const db = await freshDb();
    db.requestEvents.hook('creating', () => {
      throw new Error('disk said no');
    });
    const { user } = await renderScreen(route, { db });
    await user.click(await screen.findByRole('radio', { name: /微心愿/ }));
    await user.click(await screen.findByRole('radio', { name: /学习就业/ }));
    await user.click(screen.getByRole('button', { name: /想找一份工作/ }));
    await user.click(screen.getByRole('button', { name: '提交微心愿' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('保存没有成功');
    expect(await db.requests.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('steps back with the one Back at the top, without losing the kind, and forgets phrases of another category', async () => {
    const { user } = await renderScreen(route);
    await user.click(await screen.findByRole('radio', { name: /微诉求/ }));
    await user.click(await screen.findByRole('radio', { name: /环境卫生/ }));
    await user.click(screen.getByRole('button', { name: /路灯不亮/ }));
    // One Back, one word, in the screen's head like every other screen's: no 上一步 down by the send button.
    const backs = screen.getAllByRole('button', { name: /返回|上一步/ });
    expect(backs.map((b) => b.textContent)).toEqual(['返回']);
    expect(backs[0]?.closest('.screen__head')).not.toBeNull();
    await user.click(screen.getByRole('button', { name: '返回' }));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('微诉求');
    await user.click(screen.getByRole('radio', { name: /环境卫生/ }));
    expect(screen.getByRole('button', { name: /路灯不亮/ })).toHaveAttribute('aria-pressed', 'false');
    await user.click(screen.getByRole('button', { name: '返回' }));
    await user.click(screen.getByRole('button', { name: '返回' }));
    expect(screen.getByRole('radio', { name: /微心愿/ })).toHaveAttribute('aria-checked', 'false');
  });

  it('opens the status check from the first step', async () => {
    const { user } = await renderScreen(route);
    await user.click(await screen.findByRole('button', { name: '查询办理进度' }));
    expect(routeProbe.current).toEqual({ screen: 'requestStatus', params: {} });
  });
});
