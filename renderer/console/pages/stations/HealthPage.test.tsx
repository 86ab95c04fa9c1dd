import type { StationHealth } from '@protocol/console/stations.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { organisation, publishedLists, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const serverTime = '2026-03-05T04:00:00.000Z';
const [east, pump] = organisation.stations as [StationHealth['station'], StationHealth['station']];
const board: StationHealth[] = [
  {
    station: east,
    online: true,
    since: '2026-03-05T01:00:00.000Z',
    silent: false,
    heartbeat: { appVersion: '0.1.0', recordsWaiting: 3, storageUsed: 10, storageQuota: 1_000_000_000, storageLeft: 999_999_990, storageGrowthPerDay: 50_000_000, storageFullInDays: 19, deadLetters: 2, clockSkewMs: 4 * 60_000, lastError: null, sentAt: serverTime, receivedAt: serverTime },
    unresolvedDeadLetters: 0,
  },
  {
    station: pump,
    online: false,
    since: '2026-03-03T02:00:00.000Z',
    silent: true,
    heartbeat: { appVersion: '0.0.9', recordsWaiting: 120, storageUsed: 900_000_000, storageQuota: 1_000_000_000, storageLeft: 100_000_000, storageGrowthPerDay: null, storageFullInDays: null, deadLetters: null, clockSkewMs: 0, lastError: 'push failed: 503', sentAt: '2026-03-03T02:00:00.000Z', receivedAt: '2026-03-03T02:00:00.000Z' },
    unresolvedDeadLetters: 2,
  },
];

describe('the stations\' health board', () => {
  it('makes a station silent for over a day stand out, in words too, with what its heartbeat said', async () => {
    const { missing } = renderConsole('/stations', { session: staffSession, handlers: { ...publishedLists(), stationHealth: () => ({ stations: board, serverTime }) } });
    const silent = await screen.findByRole('row', { name: /水泵房驿站/ });
    expect(silent).toHaveClass('row--alert');
    expect(silent).toHaveTextContent('超过一天无消息');
    expect(silent).toHaveTextContent('最后消息 前天');
    expect(silent).toHaveTextContent('push failed: 503');
    expect(silent).toHaveTextContent('仅剩 95.4 MB');
    const online = screen.getByRole('row', { name: /东门驿站/ });
    expect(online).not.toHaveClass('row--alert');
    expect(online).toHaveTextContent('3小时前起在线');
    expect(online).toHaveTextContent('快 4分钟');
    expect(screen.getByText(/有 1 个驿站超过一天没有消息/)).toBeInTheDocument();
    expect(missing).toEqual([]);
  });

  it('says when a tablet\'s storage fills up at its growth, and finds the stations running out', async () => {
    const { user } = renderConsole('/stations', { session: staffSession, handlers: { ...publishedLists(), stationHealth: () => ({ stations: board, serverTime }) } });
    const growing = await screen.findByRole('row', { name: /东门驿站/ });
    // Plenty left today, but at 47.7 MB a day it is gone in under a month: that stands out as much as low storage.
    expect(within(growing).getByText('⚠ 953.7 MB')).toBeInTheDocument();
    expect(growing).toHaveTextContent('每天增加 47.7 MB，约 19 天后用完');
    expect(screen.getByRole('row', { name: /水泵房驿站/ })).not.toHaveTextContent('每天增加');
    await user.click(screen.getByText(/有 2 个驿站的平板存储空间所剩不多/).parentElement!.querySelector('button')!);
    expect(window.location.search).toBe('?state=storage');
    expect(screen.getByLabelText('显示')).toHaveValue('storage');
  });

  it('names the stations whose tablet still shows residents refused records to check, beside the centre\'s own count', async () => {
    renderConsole('/stations', { session: staffSession, handlers: { ...publishedLists(), stationHealth: () => ({ stations: board, serverTime }) } });
    const table = await screen.findByRole('table', { name: '设备状态' });
    const column = within(table).getAllByRole('columnheader').findIndex((header) => header.textContent?.includes('未入库'));
    const cell = (name: RegExp) => within(screen.getByRole('row', { name })).getAllByRole('cell')[column - 1]!;
    // The centre has resolved its dead letters, but the tablet's technician has not acknowledged them yet.
    expect(cell(/东门驿站/)).toHaveTextContent('平板上 2 条记录待核对');
    expect(within(cell(/东门驿站/)).queryByRole('link')).toBeNull();
    // A kiosk that does not send the count: only the centre's own, linked to the list.
    expect(cell(/水泵房驿站/).textContent).toBe('2');
    expect(within(cell(/水泵房驿站/)).getByRole('link', { name: '2' })).toHaveAttribute('href', expect.stringContaining('/stations/dead-letters?station='));
  });

  it('sorts by a column and filters by state, the state kept in the address', async () => {
    const { user } = renderConsole('/stations', { session: staffSession, handlers: { ...publishedLists(), stationHealth: () => ({ stations: board, serverTime }) } });
    const table = await screen.findByRole('table', { name: '设备状态' });
    const waiting = within(table).getByRole('columnheader', { name: /待上传/ });
    await user.click(within(waiting).getByRole('button'));
    expect(waiting).toHaveAttribute('aria-sort', 'descending');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('水泵房驿站');
    await user.click(within(waiting).getByRole('button'));
    expect(waiting).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getAllByRole('row')[1]).toHaveTextContent('东门驿站');
    await user.selectOptions(screen.getByLabelText('显示'), 'online');
    await waitFor(() => expect(within(table).queryByRole('row', { name: /水泵房驿站/ })).not.toBeInTheDocument());
    expect(window.location.search).toBe('?state=online');
  });

  it('makes an enrolment code for one station', async () => {
    const { user, server } = renderConsole('/stations', {
      session: staffSession,
      handlers: {
        ...publishedLists(),
        stationHealth: () => ({ stations: board, serverTime }),
        enrolmentCode: ({ params, body }) => ({ code: { stationId: params.stationId, stationName: '东门驿站', code: 'K7QM-2XPD', expiresAt: new Date(Date.parse(serverTime) + body.hours * 3_600_000).toISOString() } }),
      },
    });
    await user.click(await screen.findByRole('button', { name: '管理 东门驿站' }));
    const dialog = await screen.findByRole('dialog', { name: '管理驿站：东门驿站' });
    await user.selectOptions(within(dialog).getByLabelText('有效期'), '24');
    await user.click(within(dialog).getByRole('button', { name: '生成注册码' }));
    expect(await within(dialog).findByText('K7QM-2XPD')).toBeInTheDocument();
    expect(within(dialog).getByText(/有效期至 2026\/03\/06 12:00/)).toBeInTheDocument();
    expect(server.callsTo('enrolmentCode')[0]).toMatchObject({ params: { stationId: 'east-gate' }, body: { hours: 24 } });
  });
});
