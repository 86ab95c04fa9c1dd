import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { publishedLists, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

describe('the enrolment codes page', () => {
  it('prints a sheet of codes under the name of the only community the staff member has, not "all communities"', async () => {
    const { user, server } = renderConsole('/stations/enrolment', {
      session: staffSession,
      handlers: {
        ...publishedLists(),
        enrolmentSheet: ({ body }) => ({
          codes: body.stationIds.map((stationId) => ({ stationId, stationName: stationId === 'east-gate' ? '东门驿站' : '水泵房驿站', code: 'K7QM-2XPD', expiresAt: '2026-03-12T04:00:00.000Z' })),
          skipped: [],
        }),
      },
    });
    expect(await screen.findByRole('group', { name: '驿站（幸福里社区）' })).toBeInTheDocument();
    await user.click(screen.getByRole('checkbox', { name: /东门驿站/ }));
    await user.click(screen.getByRole('button', { name: '为 1 个驿站生成' }));
    const sheet = await screen.findByRole('region', { name: '驿站平板注册码（幸福里社区）' });
    expect(within(sheet).getByText('K7QM-2XPD')).toBeInTheDocument();
    expect(server.callsTo('enrolmentSheet')[0]).toMatchObject({ body: { includeEnrolled: false } });
    expect(screen.queryByText(/全部社区/)).not.toBeInTheDocument();
  });
});
