import type { Shift } from '@protocol/catalogue.ts';
import { generateRotation, type RotationTemplate } from '@protocol/console/rotation.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { publishedLists, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const weekly: Shift = { id: 'zhang-mornings', memberId: 'zhang-wei', weekdays: [1, 3], start: '08:30', end: '12:00', kind: 'regular' };
const evening: Shift = { id: 'li-evening', memberId: 'li-na', date: '2026-03-04', start: '17:30', end: '18:30', kind: 'evening-hour' };
const occurrence = (shift: Shift, day: string) => ({ shiftId: shift.id, memberId: shift.memberId, day, start: `${day}T${shift.start}:00+08:00`, end: `${day}T${shift.end}:00+08:00`, kind: shift.kind });

describe('the roster of a station', () => {
  it('shows a week of shifts by day, evening hours marked, and the station\'s shifts to edit', async () => {
    const { server, missing } = renderConsole('/publish/roster?day=2026-03-04', {
      session: staffSession,
      handlers: {
        ...publishedLists(),
        roster: () => ({
          stationId: 'east-gate',
          shifts: [{ shift: weekly, version: 5 }, { shift: evening, version: 6 }],
          occurrences: [occurrence(weekly, '2026-03-02'), occurrence(weekly, '2026-03-04'), occurrence(evening, '2026-03-04')],
        }),
      },
    });
    const week = await screen.findByRole('table', { name: '本周值班' });
    expect(server.callsTo('roster')[0]?.query).toEqual({ stationId: 'east-gate', from: '2026-03-02', to: '2026-03-08' });
    const wednesday = within(week).getAllByRole('cell')[2]!;
    expect(wednesday).toHaveTextContent('08:30–12:00 张伟');
    expect(wednesday).toHaveTextContent('17:30–18:30 李娜');
    expect(wednesday).toHaveTextContent('晚间一小时');
    expect(within(week).getAllByRole('cell')[1]).toHaveTextContent('无人值班');
    const list = screen.getByRole('table', { name: '这个驿站的全部班次' });
    expect(within(list).getByRole('row', { name: /张伟/ })).toHaveTextContent('每周一、周三');
    expect(missing).toEqual([]);
  });

  it('switches to the month and steps to the next one', async () => {
    const { user, server } = renderConsole('/publish/roster?day=2026-03-04', {
      session: staffSession,
      handlers: { ...publishedLists(), roster: ({ query }) => ({ stationId: query.stationId, shifts: [], occurrences: [] }) },
    });
    await user.click(await screen.findByRole('button', { name: '按月' }));
    expect(await screen.findByRole('table', { name: '本月值班' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /下个月/ }));
    await waitFor(() => expect(server.callsTo('roster').at(-1)?.query).toEqual({ stationId: 'east-gate', from: '2026-04-01', to: '2026-04-30' }));
    expect(screen.getByRole('heading', { name: /东门驿站 · 2026年4月/ })).toBeInTheDocument();
  });

  it('generates a month from the units\' rotation, previewing what the server will publish', async () => {
    const { user, server } = renderConsole('/publish/roster?day=2026-03-04', {
      session: staffSession,
      handlers: {
        ...publishedLists(),
        roster: () => ({ stationId: 'east-gate', shifts: [], occurrences: [] }),
        rotationTemplate: () => ({ template: null }),
        generateRotation: ({ body }) => {
          const shifts = generateRotation(body.template as RotationTemplate, body.month);
          return { put: shifts.length, withdrawn: 0, shifts };
        },
      },
    });
    await user.click(await screen.findByRole('button', { name: '共建单位轮值' }));
    const dialog = await screen.findByRole('dialog', { name: '共建单位轮值模板' });
    const order = within(dialog).getByRole('group', { name: /轮值顺序/ });
    expect(within(order).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual(['自来水公司', '税务所']);
    await user.click(within(dialog).getByRole('button', { name: '把税务所往前移' }));
    expect(within(order).getAllByRole('listitem').map((item) => item.querySelector('strong')?.textContent)).toEqual(['税务所', '自来水公司']);
    const preview = within(dialog).getByText(/将为 2026-03 生成 \d+ 个班次/);
    await user.click(within(dialog).getByRole('button', { name: '生成 2026-03 并发布' }));
    await waitFor(() => expect(server.callsTo('generateRotation')).toHaveLength(1));
    const sent = server.callsTo('generateRotation')[0]?.body;
    expect(sent).toMatchObject({ stationId: 'east-gate', month: '2026-03', template: { turn: 'week', units: [{ unitId: 'tax-office' }, { unitId: 'water-co' }] } });
    const count = generateRotation(sent?.template as RotationTemplate, '2026-03').length;
    expect(preview).toHaveTextContent(`生成 ${count} 个班次`);
    expect(await screen.findByText(`已按模板发布 2026-03 的 ${count} 个班次。`)).toBeInTheDocument();
  });
});
