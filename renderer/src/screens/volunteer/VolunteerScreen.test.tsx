import { dayKey } from '@protocol/time.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { defaultVolunteerPolicy } from '@protocol/volunteer-policy.ts';
import { afterEach, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import type { PublicConfig } from '@shell/bridge.ts';
import { freshDb, recordingSpeech, renderScreen, unprovisionedKiosk } from '../../../../tests/support/render-screen.tsx';
import { commitRecord } from '../../store/commit.ts';
import type { YizhanDb } from '../../store/db.ts';
import { submitRequest } from '../requests/submit-request.ts';
import { beijing } from '../../../../tests/support/station-clock.ts';
import { signIn, signOut as signOutShift } from '../../volunteers/shifts.ts';

// Tuesday 1 December 2026, 10:00: Huang Li and Zhao Jianguo are rostered 08:30–12:00.
const NOW = beijing(2026, 11, 1, 10, 0);
const STATION = 'demo-station';

beforeAll(async () => {
  await import('./VolunteerScreen.tsx');
});
afterEach(() => {
  vi.useRealTimers();
});

const open = async (db?: YizhanDb, station: PublicConfig = unprovisionedKiosk) => {
  // Only the clock is faked: IndexedDB and WebCrypto keep their real scheduling.
  vi.useFakeTimers({ toFake: ['Date'] });
  vi.setSystemTime(NOW);
  const speech = recordingSpeech();
  const view = await renderScreen({ screen: 'volunteer', params: undefined }, { db: db ?? (await freshDb(NOW)), speech, station });
  await screen.findByRole('heading', { level: 1, name: '志愿者签到' });
  return { ...view, speech };
};

type User = Awaited<ReturnType<typeof open>>['user'];
const typePin = async (user: User, pin: string) => {
  const keys = screen.getByRole('group', { name: '密码数字键盘' });
  for (const digit of pin) await user.click(within(keys).getByRole('button', { name: digit }));
  await user.click(screen.getByRole('button', { name: '确定' }));
};
const signInAs = async (user: User, name: string, pin = '1234') => {
  await user.click(await screen.findByRole('button', { name: new RegExp(name) }));
  await screen.findByRole('heading', { name: '请输入密码' });
  await typePin(user, pin);
};

describe('VolunteerScreen: signing in', () => {
  it('signs a rostered member in from today’s list with the PIN, opens the workspace and shows the last shift’s handover', async () => {
    const db = await freshDb(NOW);
    await commitRecord(db, 'handover-note', STATION, () => ({ kind: 'handover-note', memberId: 'wang-xiulan', text: '3号楼王奶奶的燃气卡明天来取' }), beijing(2026, 10, 30, 17, 0));
    const { user } = await open(db);
    const today = screen.getByRole('region', { name: '今天值班的同志' });
    expect((await within(today).findAllByRole('button')).map((b) => b.querySelector('.volunteer-pick__name')?.textContent)).toEqual(['黄莉', '赵建国', '陈静', '马骏', '孙磊', '唐文杰']);
    // No phone number of anyone on this screen, not even masked.
    expect(document.body.textContent).not.toMatch(/\d{3}\*{4}\d{4}/);

    await signInAs(user, '赵建国');
    expect(await screen.findByRole('heading', { level: 1, name: '志愿者工作台' })).toBeInTheDocument();
    expect(screen.getByRole('status')).toHaveTextContent('签到成功');
    expect(await screen.findByRole('region', { name: '交接留言（1条）' })).toHaveTextContent('3号楼王奶奶的燃气卡明天来取');
    const [event] = await db.shiftEvents.toArray();
    expect(event).toMatchObject({ type: 'sign-in', memberId: 'zhao-jianguo', method: 'pin', shiftId: 'zhao-jianguo-am' });
    expect((await db.outbox.toArray()).map((e) => e.id)).toContain(event!.id);
  });

  it('shows the last working day’s handover however long the station was closed, and not the days before it', async () => {
    const db = await freshDb(NOW);
    // Friday's note, then Saturday's Red Weekend one; nobody worked on Sunday or Monday.
    await commitRecord(db, 'handover-note', STATION, () => ({ kind: 'handover-note', memberId: 'wang-xiulan', text: '周五：复印机没纸了' }), beijing(2026, 10, 27, 17, 0));
    await commitRecord(db, 'handover-note', STATION, () => ({ kind: 'handover-note', memberId: 'wang-xiulan', text: '周六：5号楼李大爷的水费单下周来取' }), beijing(2026, 10, 28, 11, 30));
    const { user } = await open(db);
    await signInAs(user, '赵建国');
    const notes = await screen.findByRole('region', { name: '交接留言（1条）' });
    expect(notes).toHaveTextContent('周六：5号楼李大爷的水费单下周来取');
    expect(notes).not.toHaveTextContent('周五');
  });

  it('finds a member by the last four digits of their phone, and opens the workspace without a second sign-in when already signed in', async () => {
    const db = await freshDb(NOW);
    const { user } = await open(db);
    await user.click(screen.getByRole('button', { name: '按手机尾号找' }));
    const keys = screen.getByRole('group', { name: '手机号最后4位数字键盘' });
    for (const digit of '7264') await user.click(within(keys).getByRole('button', { name: digit }));
    await signInAs(user, '王秀兰');
    await screen.findByRole('heading', { level: 1, name: '志愿者工作台' });
    expect(await db.shiftEvents.count()).toBe(1);
    await user.click(screen.getByRole('button', { name: /锁定/ }));
  });

  it('counts wrong PINs down and locks the member after the fifth, still locked when the screen is opened again', async () => {
    const db = await freshDb(NOW);
    const { user, unmount } = await open(db);
    await signInAs(user, '赵建国', '1111');
    expect(await screen.findByRole('alert')).toHaveTextContent('密码不对，还可以再试 4 次。');
    for (const left of [3, 2, 1]) {
      await typePin(user, '1111');
      expect(await screen.findByText(`密码不对，还可以再试 ${left} 次。`)).toBeInTheDocument();
    }
    await typePin(user, '1111');
    expect(await screen.findByText(/请在 10:15 以后再试/)).toHaveAttribute('role', 'alert');
    expect(screen.queryByRole('group', { name: '密码数字键盘' })).toBeNull();
    expect(await db.shiftEvents.count()).toBe(0);
    unmount();

    const again = await open(db);
    await again.user.click(await screen.findByRole('button', { name: /赵建国/ }));
    expect(await screen.findByRole('alert')).toHaveTextContent('密码输错太多次');
  });

  it('on a tablet provisioned as a station, the README’s demo PIN signs no demo volunteer in, offline or before the first pull', async () => {
    const station: PublicConfig = { ...unprovisionedKiosk, shell: 'electron', provisioned: true, stationId: 'hq-07', serverUrl: 'https://yizhan.example.cn', enrolmentCode: 'K7Q2-9XPM', sources: ['default', 'system'] };
    const db = await freshDb(NOW);
    const { user } = await open(db, station);
    await signInAs(user, '赵建国');
    expect(await screen.findByRole('alert')).toHaveTextContent('社区还没有为您设置密码');
    expect(screen.queryByRole('heading', { level: 1, name: '志愿者工作台' })).toBeNull();
    expect(await db.shiftEvents.count()).toBe(0);
  });

  it('registers a walk-in volunteer by name and phone, only with consent', async () => {
    const db = await freshDb(NOW);
    const { user } = await open(db);
    await user.click(screen.getByRole('button', { name: /临时志愿者登记/ }));
    await user.click(await screen.findByRole('button', { name: '签到' }));
    expect(screen.getByRole('alert')).toHaveTextContent('需要同意留下姓名和电话');
    await user.click(screen.getByRole('switch'));
    await user.type(screen.getByLabelText('姓名（可只写姓）'), '林晓芳');
    const keys = screen.getByRole('group', { name: '手机或座机号码数字键盘' });
    for (const digit of '13912345678') await user.click(within(keys).getByRole('button', { name: digit }));
    await user.click(screen.getByRole('button', { name: '签到' }));
    expect(await screen.findByRole('heading', { name: '林**，签到好了，谢谢您来帮忙！' })).toBeInTheDocument();
    const [signIn] = await db.shiftEvents.toArray();
    expect(signIn).toMatchObject({ type: 'sign-in', method: 'walk-in', contact: { name: '林晓芳', phone: '13912345678' } });
    expect(signIn?.memberId).toBeUndefined();
  });
});

describe('VolunteerScreen: one way back', () => {
  it('steps back to the list with the one Back at the top, from the PIN and the walk-in form', async () => {
    const { user } = await open();
    const backTo = async (step: string) => {
      await screen.findByRole('heading', { level: 1, name: step });
      const backs = screen.getAllByRole('button', { name: /返回|不是我/ });
      expect(backs.map((b) => [b.textContent, !!b.closest('.screen__head')])).toEqual([['返回', true]]);
      await user.click(backs[0]!);
      await screen.findByRole('heading', { level: 1, name: '志愿者签到' });
    };
    await user.click(await screen.findByRole('button', { name: /赵建国/ }));
    await backTo('请输入密码');
    await user.click(screen.getByRole('button', { name: /临时志愿者登记/ }));
    await backTo('临时志愿者登记');
  });
});

describe('VolunteerScreen: a signature on sign-in', () => {
  beforeEach(() => {
    // jsdom has no 2D canvas: every drawing call signature_pad makes is taken and dropped. What is stored comes from
    // the points it recorded, which is what this test checks; the drawing itself shows in Chromium.
    const drawing = new Proxy({}, { get: (_target, name) => (name === 'canvas' ? undefined : () => undefined), set: () => true });
    vi.spyOn(HTMLCanvasElement.prototype, 'getContext').mockReturnValue(drawing as never);
    // Nor any layout: the pad is given the size of the stored box, so points are stored where they were drawn.
    vi.spyOn(HTMLElement.prototype, 'offsetWidth', 'get').mockReturnValue(600);
    vi.spyOn(HTMLElement.prototype, 'offsetHeight', 'get').mockReturnValue(200);
  });
  afterEach(() => {
    vi.restoreAllMocks();
  });

  const stroke = (canvas: HTMLElement, points: readonly [number, number][]) => {
    const [first, ...rest] = points;
    fireEvent.pointerDown(canvas, { pointerId: 1, buttons: 1, clientX: first![0], clientY: first![1] });
    for (const [x, y] of rest) fireEvent.pointerMove(document, { pointerId: 1, buttons: 1, clientX: x, clientY: y });
    fireEvent.pointerUp(document, { pointerId: 1, buttons: 0, clientX: rest.at(-1)![0], clientY: rest.at(-1)![1] });
  };

  it('asks for a signature where the station wants one, and keeps it with the sign-in as SVG path data', async () => {
    const db = await freshDb(NOW);
    await db.settings.toCollection().modify((station) => {
      station.volunteers = { ...(station.volunteers ?? defaultVolunteerPolicy), signature: true };
    });
    const { user } = await open(db);
    await signInAs(user, '赵建国');
    expect(await screen.findByRole('heading', { level: 1, name: '请签名' })).toBeInTheDocument();
    expect(await db.shiftEvents.count()).toBe(0);
    const done = screen.getByRole('button', { name: '签好了' });
    expect(done).toBeDisabled();
    const pad = screen.getByRole<HTMLCanvasElement>('img', { name: '签名框' });
    // signature_pad is attached by an effect after the step's first paint, which sizes the canvas to its box: a
    // stroke before that (the heading can be found first on a loaded machine) would fall on a bare canvas.
    await waitFor(() => expect(pad.width).toBe(600));

    stroke(pad, [[10, 20], [40, 30], [80, 25]]);
    await waitFor(() => expect(done).toBeEnabled());
    await user.click(screen.getByRole('button', { name: '重写' }));
    expect(done).toBeDisabled();

    stroke(pad, [[20, 40], [60, 60], [120, 50]]);
    await waitFor(() => expect(done).toBeEnabled());
    await user.click(done);
    await screen.findByRole('heading', { level: 1, name: '志愿者工作台' });
    const [signIn] = await db.shiftEvents.toArray();
    expect(signIn).toMatchObject({ type: 'sign-in', memberId: 'zhao-jianguo', method: 'pin' });
    // Only the second stroke: 重写 threw the first away.
    expect(signIn?.signature).toMatch(/^M20 40( L\d+ \d+)+$/);
  });
});

describe('VolunteerScreen: a walk-in signs out', () => {
  const walkIn = async (db: YizhanDb) =>
    signIn(db, STATION, { volunteer: { contact: { name: '林晓芳', phone: '13912345678', consentAt: beijing(2026, 11, 1, 9, 0).toISOString() } }, method: 'walk-in' }, beijing(2026, 11, 1, 9, 0));
  const typeDigits = async (user: User, digits: string) => {
    const keys = screen.getByRole('group', { name: '手机号最后4位数字键盘' });
    for (const digit of digits) await user.click(within(keys).getByRole('button', { name: digit }));
    await user.click(screen.getByRole('button', { name: '签退' }));
  };

  it('signs a walk-in out by the last four digits of the phone they gave, and not by wrong ones', async () => {
    const db = await freshDb(NOW);
    const signedIn = await walkIn(db);
    const { user } = await open(db);
    await user.click(await screen.findByRole('button', { name: '林** 签退' }));
    await typeDigits(user, '5679');
    expect(await screen.findByRole('alert')).toHaveTextContent('号码对不上，请再看一下。还可以再试 4 次。');
    expect(await db.shiftEvents.count()).toBe(1);
    await typeDigits(user, '5678');
    expect(await screen.findByRole('heading', { name: /林\*\*，已签退/ })).toBeInTheDocument();
    const signOut = (await db.shiftEvents.toArray()).find((e) => e.type === 'sign-out');
    expect(signOut).toMatchObject({ method: 'walk-in', signInId: signedIn.id });
  });

  it('pauses a walk-in’s sign-out after five wrong guesses of the digits, across a reload, and writes it down for staff', async () => {
    const db = await freshDb(NOW);
    await walkIn(db);
    const { user, unmount } = await open(db);
    await user.click(await screen.findByRole('button', { name: '林** 签退' }));
    for (const guess of ['0000', '1111', '2222', '3333']) await typeDigits(user, guess);
    expect(await screen.findByText(/还可以再试 1 次/)).toHaveRole('alert');
    await typeDigits(user, '4444');
    expect(await screen.findByText(/号码输错太多次，这台设备已暂停这次签退，请在 10:15 以后再试/)).toHaveRole('alert');
    expect(screen.queryByRole('group', { name: '手机号最后4位数字键盘' })).not.toBeInTheDocument();
    expect((await db.deviceEvents.toArray()).map((e) => e.type)).toContain('walk-in-sign-out-locked');
    expect((await db.shiftEvents.toArray()).map((e) => e.type)).toEqual(['sign-in']);
    unmount();

    const again = await open(db);
    await again.user.click(await screen.findByRole('button', { name: '林** 签退' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('号码输错太多次');
    expect(screen.queryByRole('group', { name: '手机号最后4位数字键盘' })).not.toBeInTheDocument();
  });
});

describe('VolunteerScreen: the workspace', () => {
  const referral = (db: YizhanDb, minute: number, contact?: { phone: string }) =>
    commitRecord(db, 'referral', STATION, async (ctx) => ({
      kind: 'referral',
      serviceId: 'senior-card',
      queueNo: `A${String(await ctx.nextInDay('queue')).padStart(3, '0')}`,
      ...(contact ? { contact: { ...contact, consentAt: NOW.toISOString() } } : {}),
    }), beijing(2026, 11, 1, 9, minute));

  it('calls the next number large on the screen and aloud, then serves and finishes it', async () => {
    const db = await freshDb(NOW);
    await referral(db, 0);
    await referral(db, 5);
    const { user, speech } = await open(db);
    await signInAs(user, '赵建国');
    await user.click(await screen.findByRole('button', { name: /叫下一位 A001/ }));
    const call = await screen.findByRole('alertdialog');
    expect(call).toHaveTextContent('你好 A001，请到服务台');
    expect(speech.spoken).toContain('你好，A 0 0 1，请到服务台');
    await user.click(within(call).getByRole('button', { name: '回到工作台' }));

    const first = screen.getAllByRole('listitem').find((li) => li.textContent?.includes('A001'))!;
    expect(first).toHaveTextContent('已叫号');
    await user.click(within(first).getByRole('button', { name: /开始办理/ }));
    await user.click(await within(first).findByRole('button', { name: /办完了/ }));
    expect(await screen.findByRole('button', { name: /叫下一位 A002/ })).toBeInTheDocument();
    const events = (await db.referralEvents.toArray()).map((e) => [e.type, e.memberId]);
    expect(events).toEqual([
      ['call', 'zhao-jianguo'],
      ['serve', 'zhao-jianguo'],
      ['done', 'zhao-jianguo'],
    ]);
  });

  it('passes a number on to an office, named in a short form, and moves it out of the waiting line', async () => {
    const db = await freshDb(NOW);
    await referral(db, 0);
    await referral(db, 5);
    const { user } = await open(db);
    await signInAs(user, '赵建国');
    const first = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.includes('A001'))!;
    await user.click(within(first).getByRole('button', { name: /转办/ }));
    const office = screen.getByLabelText('A001 转给哪个部门办理？');
    const form = office.closest('.pass-on') as HTMLElement;
    await user.clear(office);
    expect(within(form).getByRole('button', { name: '转办' })).toBeDisabled();
    await user.type(office, '街道民政科');
    await user.click(within(form).getByRole('button', { name: '转办' }));
    await waitFor(() => expect(screen.queryByLabelText('A001 转给哪个部门办理？')).toBeNull());
    expect(await screen.findByRole('button', { name: /叫下一位 A002/ })).toBeInTheDocument();
    expect((await db.referralEvents.toArray()).map((e) => [e.type, e.memberId, e.note])).toEqual([['pass-on', 'zhao-jianguo', '街道民政科']]);
    expect(await screen.findByText('已转办 · 街道民政科')).toBeInTheDocument();
  });

  it('takes a resident’s request (接单) and notes it; a take the server refused shows who has the request', async () => {
    const db = await freshDb(NOW);
    const draft = { requestKind: 'wish' as const, category: 'home-repair', phrases: ['water-leak'], contact: { phone: '13812345678', consentAt: NOW.toISOString() } };
    const { request: mine } = await submitRequest(db, STATION, draft, beijing(2026, 11, 1, 8, 0));
    const { request: lost } = await submitRequest(db, STATION, { ...draft, phrases: ['drain'] }, beijing(2026, 11, 1, 8, 5));
    // This tablet's earlier take of the second request reached the server after the centre's unit took it.
    const take = await commitRecord(db, 'request-event', STATION, () => ({ kind: 'request-event', requestId: lost.id, type: 'take', actor: 'member', memberId: 'huang-li' }), beijing(2026, 11, 1, 9, 0));
    await db.deadLetters.put({ seq: 5, id: take.id, reason: 'illegal-transition', detail: 'wrong-state', at: NOW.toISOString() });
    await db.requestStatus.put({ requestId: lost.id, stationId: STATION, status: 'taken', event: 'take', at: beijing(2026, 11, 1, 8, 30).toISOString(), takenBy: { type: 'member', memberId: 'li-guoqiang' }, dispatchedTo: null });

    const { user } = await open(db);
    await signInAs(user, '赵建国');
    await user.click(await screen.findByRole('tab', { name: /居民诉求/ }));
    const cards = await screen.findAllByRole('listitem');
    const open1 = cards.find((li) => li.textContent?.includes('水管漏水'))!;
    const taken = cards.find((li) => li.textContent?.includes('下水道堵了'))!;
    expect(await within(taken).findByText('已由 李国强 接单')).toBeInTheDocument();
    expect(within(taken).getByRole('alert')).toHaveTextContent('您的“接单”没有成功：这件事的状态已经变了，不能再这样操作。 已由 李国强 接单');
    expect(within(taken).queryByRole('button', { name: /接单/ })).toBeNull();

    await user.click(within(open1).getByRole('button', { name: /接单/ }));
    expect(await within(open1).findByText('这件事由您负责')).toBeInTheDocument();
    await user.click(within(open1).getByRole('button', { name: /写备注/ }));
    await user.type(within(open1).getByRole('textbox'), '已电话联系，下午上门');
    await user.click(within(open1).getByRole('button', { name: /写备注/ }));
    expect(await within(open1).findByText(/已电话联系，下午上门/)).toBeInTheDocument();
    const events = (await db.requestEvents.where('requestId').equals(mine.id).toArray()).map((e) => [e.type, e.actor, e.memberId ?? null]);
    expect(events).toEqual([
      ['submit', 'resident', null],
      ['take', 'member', 'zhao-jianguo'],
      ['note', 'member', 'zhao-jianguo'],
    ]);
  });

  it('shows a consenting resident’s phone in full only on request, and records each reveal', async () => {
    const db = await freshDb(NOW);
    await referral(db, 0, { phone: '13812345678' });
    const { user } = await open(db);
    await signInAs(user, '赵建国');
    await user.click(await screen.findByRole('tab', { name: /联系居民/ }));
    const item = (await screen.findAllByRole('listitem')).find((li) => li.textContent?.includes('A001'))!;
    expect(item).toHaveTextContent('138****5678');
    expect(document.body.textContent).not.toContain('13812345678');
    await user.click(within(item).getByRole('button', { name: /显示号码/ }));
    expect(await within(item).findByRole('link', { name: '13812345678' })).toBeInTheDocument();
    const [reveal] = await db.contactReveals.toArray();
    expect(reveal).toMatchObject({ kind: 'contact-reveal', memberId: 'zhao-jianguo', subject: { kind: 'referral' } });
  });

  it('counts in my hours only what needs no review, and says the centre decides the rest', async () => {
    const db = await freshDb(NOW);
    // Today 08:00–09:30, signed out; last Tuesday's 08:30 sign-in was never closed: the policy closes it at 12:00 for review.
    const today = await signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, beijing(2026, 11, 1, 8, 0));
    await signOutShift(db, STATION, { signInId: today.id, memberId: 'zhao-jianguo', method: 'pin' }, beijing(2026, 11, 1, 9, 30));
    await signIn(db, STATION, { volunteer: { memberId: 'zhao-jianguo' }, method: 'pin' }, beijing(2026, 10, 24, 8, 30));
    const { user } = await open(db);
    await signInAs(user, '赵建国');
    await user.click(await screen.findByRole('tab', { name: /我的时长/ }));
    const year = (await screen.findByText('今年')).closest('.hours-period') as HTMLElement;
    expect(within(year).getByText('1小时30分')).toBeInTheDocument();
    expect(year).toHaveTextContent('另有 3小时30分 等社区核对，未计入');
    expect(screen.getByText(/结果以社区为准/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /出示服务时长/ }));
    const summary = await screen.findByRole('region', { name: '志愿服务时长' });
    expect(within(summary).getByText('2026年累计').nextElementSibling).toHaveTextContent('1小时30分');
    expect(within(summary).getByText('待社区核对（未计入）').nextElementSibling).toHaveTextContent('3小时30分');
  });

  it('shows my hours, and signs out with a note the next shift sees', async () => {
    const db = await freshDb(NOW);
    const { user } = await open(db);
    await signInAs(user, '赵建国');
    await user.click(await screen.findByRole('tab', { name: /我的时长/ }));
    expect(await screen.findByText('本月')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /签退/ }));
    await user.type(screen.getByLabelText('给下一班留句话（可不写）'), '复印机没纸了');
    await user.click(screen.getByRole('button', { name: '确认签退' }));
    expect(await screen.findByRole('heading', { name: '赵建国，已签退，辛苦了！' })).toBeInTheDocument();
    const events = await db.shiftEvents.toArray();
    expect(events.map((e) => e.type)).toEqual(['sign-in', 'sign-out']);
    expect(events[1]?.signInId).toBe(events[0]?.id);
    expect((await db.handoverNotes.toArray()).map((n) => [n.memberId, n.text, n.day])).toEqual([['zhao-jianguo', '复印机没纸了', dayKey(NOW)]]);
  });
});
