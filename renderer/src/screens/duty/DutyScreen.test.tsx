import { act, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { useReadAloudControl } from '../../app/read-aloud.tsx';
import type { YizhanDb } from '../../store/db.ts';
import { freshDb, recordingSpeech, renderScreen } from '../../../../tests/support/render-screen.tsx';
import { signIn } from '../../volunteers/shifts.ts';

// Loaded up front so the kiosk's lazy import of it is instant, and the first look need not wait for a transform;
// the longer wait covers the store on a busy two-core machine.
import './DutyScreen.tsx';
import { beijing } from '../../../../tests/support/station-clock.ts';

function ReadAloud() {
  const { readNow } = useReadAloudControl();
  return <button type="button" onClick={readNow}>test-read</button>;
}

/** Renders the duty screen as the kiosk would show it at a given local time. */
const dutyAt = async (time: Date, language: 'zh-CN' | 'en' = 'zh-CN', prepare?: (db: YizhanDb) => Promise<unknown>) => {
  // Only the clock and the kiosk's minute tick are faked, and time still flows: IndexedDB keeps its real scheduling.
  vi.useFakeTimers({ toFake: ['Date', 'setTimeout', 'clearTimeout'], shouldAdvanceTime: true });
  vi.setSystemTime(time);
  const db = await freshDb(time);
  await prepare?.(db);
  const speech = recordingSpeech();
  const view = await renderScreen({ screen: 'duty', params: undefined }, { db, language, speech, extra: <ReadAloud /> });
  await screen.findByRole('heading', { level: 2, name: language === 'en' ? 'On duty now' : '正在值班' });
  return { ...view, speech };
};
const section = (name: string) => screen.getByRole('region', { name });
/** Members sign in at the kiosk at these times (2026-12, local). */
const signedIn = (...who: [string, Date][]) => async (db: YizhanDb) => {
  for (const [memberId, at] of who) await signIn(db, 'demo-station', { volunteer: { memberId }, method: 'pin' }, at);
};
const names = (region: HTMLElement) => within(region).queryAllByRole('listitem').map((li) => li.querySelector('.person__name')?.textContent);

afterEach(() => {
  vi.useRealTimers();
});

describe('DutyScreen', () => {
  it('shows who signed in as on duty, who is rostered but not here, and who comes later, with masked phones only', async () => {
    await dutyAt(beijing(2026, 11, 1, 10, 0), 'zh-CN', signedIn(['zhao-jianguo', beijing(2026, 11, 1, 8, 25)]));
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent('今日值班');
    expect(names(section('正在值班'))).toEqual(['赵建国']);
    expect(names(section('应到还没到'))).toEqual(['黄莉']);
    expect(names(section('今天稍后值班'))).toEqual(['陈静', '马骏', '孙磊', '唐文杰']);
    const zhao = within(section('正在值班')).getAllByRole('listitem')[0]!;
    expect(zhao).toHaveTextContent('社区工作人员 · 幸福里社区党群服务中心');
    expect(zhao).toHaveTextContent('可以帮您：矛盾调处和三方联动议事');
    expect(zhao).toHaveTextContent('值班 08:30–12:00');
    expect(zhao).toHaveTextContent('电话 135****6093');
    expect(document.body.textContent).not.toContain('13512846093');
    expect(document.body.textContent).not.toContain('15003518246');
    // The avatar is the surname, hidden from screen readers since the name follows it.
    expect(zhao.querySelector('.avatar')).toHaveTextContent('赵');
    expect(zhao.querySelector('.avatar')).toHaveAttribute('aria-hidden', 'true');
  });

  it('does not call anyone on duty who has not signed in, however the roster reads', async () => {
    await dutyAt(beijing(2026, 11, 1, 10, 0));
    expect(names(section('正在值班'))).toEqual([]);
    expect(section('正在值班')).toHaveTextContent('现在没有人值班');
    expect(names(section('应到还没到'))).toEqual(['黄莉', '赵建国']);
  });

  it('flags someone signed in without a shift, and shows a walk-in by a masked name only', async () => {
    await dutyAt(beijing(2026, 11, 1, 10, 0), 'zh-CN', async (db) => {
      await signIn(db, 'demo-station', { volunteer: { memberId: 'wang-xiulan' }, method: 'pin' }, beijing(2026, 11, 1, 9, 0));
      await signIn(db, 'demo-station', { volunteer: { contact: { name: '林晓芳', phone: '13912345678', consentAt: beijing(2026, 11, 1, 9, 5).toISOString() } }, method: 'walk-in' }, beijing(2026, 11, 1, 9, 5));
    });
    const [wang, walkIn] = within(section('正在值班')).getAllByRole('listitem');
    expect(wang).toHaveTextContent('王秀兰');
    expect(wang).toHaveTextContent('临时值班');
    expect(wang).toHaveTextContent('09:00 签到');
    expect(walkIn).toHaveTextContent('林**');
    expect(walkIn).toHaveTextContent('临时志愿者');
    expect(document.body.textContent).not.toContain('林晓芳');
    expect(document.body.textContent).not.toContain('5678');
  });

  it('marks evening-hour shifts and says which extended hours are on today', async () => {
    await dutyAt(beijing(2026, 11, 1, 17, 45), 'zh-CN', signedIn(['sun-lei', beijing(2026, 11, 1, 17, 25)], ['tang-wenjie', beijing(2026, 11, 1, 17, 29)]));
    const now = section('正在值班');
    expect(names(now)).toEqual(['孙磊', '唐文杰']);
    expect(within(now).getAllByText('晚间一小时')).toHaveLength(2);
    expect(within(section('今天稍后值班')).getByText('今天后面没有其他人值班了。')).toBeInTheDocument();
    const hours = section('驿站开放时间');
    const rows = within(hours).getAllByRole('listitem');
    expect(rows.map((r) => r.textContent)).toEqual(['平时开放每天08:30–17:30', '晚间一小时周一至周五17:30–18:30今天有', '红色周末周六和周日09:00–12:00']);
    expect(hours).toHaveTextContent('驿站电话：87651234');
  });

  it('marks Red Weekend shifts on a Saturday', async () => {
    const at = (h: number, m: number) => beijing(2026, 11, 5, h, m);
    await dutyAt(beijing(2026, 11, 5, 10, 0), 'zh-CN', signedIn(['sun-lei', at(8, 30)], ['han-meiling', at(8, 55)], ['he-zhiyuan', at(8, 58)], ['jiang-tao', at(9, 2)]));
    const now = section('正在值班');
    expect(names(now)).toEqual(['孙磊', '韩美玲', '何志远', '蒋涛']);
    expect(within(now).getAllByText('红色周末')).toHaveLength(3);
    expect(within(section('驿站开放时间')).getAllByRole('listitem')[2]).toHaveTextContent('今天有');
  });

  it('says kindly that nobody is here at night, who comes next and the station phone', async () => {
    const { user, speech } = await dutyAt(beijing(2026, 11, 1, 21, 0));
    const now = section('正在值班');
    expect(now).toHaveTextContent('现在没有人值班，请别着急');
    expect(now).toHaveTextContent('下一班：明天 08:30 开始');
    expect(names(now)).toEqual(['王秀兰', '郑慧']);
    expect(within(now).getByText('87651234')).toBeInTheDocument();
    expect(now).not.toHaveTextContent('139****7264');
    await user.click(screen.getByRole('button', { name: 'test-read' }));
    expect(speech.spoken).toEqual([expect.stringContaining('现在没有人值班，请别着急。下一班：明天 08:30 开始。有急事请打驿站电话 8 7 6 5 1 2 3 4')]);
  });

  it('points to the next shift today without repeating its people when nobody is here at lunch', async () => {
    await dutyAt(beijing(2026, 11, 1, 12, 30));
    const now = section('正在值班');
    expect(now).toHaveTextContent('下一班：今天 13:30 开始');
    expect(names(now)).toEqual([]);
    expect(names(section('今天稍后值班'))).toEqual(['陈静', '马骏', '孙磊', '唐文杰']);
  });

  it('reads the people on duty aloud without their phone numbers', async () => {
    const { user, speech } = await dutyAt(beijing(2026, 11, 1, 10, 0), 'zh-CN', signedIn(['huang-li', beijing(2026, 11, 1, 8, 20)], ['zhao-jianguo', beijing(2026, 11, 1, 8, 25)]));
    await user.click(screen.getByRole('button', { name: 'test-read' }));
    const [text] = speech.spoken;
    expect(text).toContain('正在值班的有：黄莉，共建单位，和平街道社区卫生服务中心，可以帮您：测血压血糖和家庭医生签约；赵建国');
    expect(text).toContain('今天稍后值班：陈静 13:30');
    expect(text).not.toMatch(/\d{4}\*|\*\*\*\*/);
  });

  it('speaks English, naming the weekday of a shift days away', async () => {
    await dutyAt(beijing(2026, 11, 1, 21, 0), 'en', async (db) => {
      await db.shifts.where('weekdays').noneOf([6]).delete();
    });
    const now = section('On duty now');
    expect(now).toHaveTextContent('Nobody is on duty right now');
    expect(now).toHaveTextContent('Next shift: Saturday at 08:30');
    expect(names(now)).toEqual(['孙磊']);
    expect(within(section('When the station is open')).getAllByRole('listitem')[2]).toHaveTextContent('Red WeekendSat and Sun09:00–12:00');
  });

  it('follows the clock: a forgotten sign-out stops counting as here once the shift and the grace are over', async () => {
    await dutyAt(beijing(2026, 11, 1, 12, 59, 40), 'zh-CN', signedIn(['huang-li', beijing(2026, 11, 1, 8, 20)], ['zhao-jianguo', beijing(2026, 11, 1, 8, 25)]));
    expect(names(section('正在值班'))).toEqual(['黄莉', '赵建国']);
    await act(() => vi.advanceTimersByTimeAsync(30_000));
    expect(names(section('正在值班'))).toEqual([]);
    expect(section('正在值班')).toHaveTextContent('下一班：今天 13:30 开始');
  });
});
