import type { PublishedItem } from '@protocol/console/publish.ts';
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { defaultStationSettings } from './station-settings.ts';
import { publishedLists, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });

describe('a station\'s settings', () => {
  it('says the settings are saved after the save reloads them (the new version remounts the form), until they are edited again', async () => {
    let item: PublishedItem = {
      collection: 'settings',
      scope: 'east-gate',
      id: 'east-gate',
      version: 3,
      updatedAt: '2026-03-01T00:00:00.000Z',
      value: { ...defaultStationSettings('east-gate', '东门驿站', text('幸福里社区', 'Xingfuli Community')), address: text('东门 1 号', '1 East Gate'), phone: '02812345678' },
    };
    const { server } = renderConsole('/publish/stations', {
      session: staffSession,
      handlers: {
        listPublished: ({ query }) => (query.collection === 'settings' && query.scope === 'east-gate' ? { items: [item] } : publishedLists().listPublished({ query })),
        putPublished: ({ body }) => {
          item = { ...item, version: item.version + 1, value: body.value } as PublishedItem;
          return { item };
        },
      },
    });
    const form = await screen.findByRole('form', { name: /东门驿站/ });
    const hours = within(form).getByRole('group', { name: '开放时间' });
    fireEvent.change(within(hours).getByLabelText('开门'), { target: { value: '07:30' } });
    fireEvent.click(within(form).getByRole('button', { name: '保存并发布' }));
    await waitFor(() => expect(server.callsTo('putPublished')).toHaveLength(1));
    // The reload brings version 4, and a new form with it: the confirmation is still there.
    await waitFor(() => expect(within(screen.getByRole('form', { name: /东门驿站/ })).getByRole('group', { name: '开放时间' })).toBeInTheDocument());
    await waitFor(() => expect(server.callsTo('listPublished').filter((call) => call.query.collection === 'settings').length).toBeGreaterThanOrEqual(2));
    expect(await screen.findByText('已保存，驿站下次同步时生效。')).toBeInTheDocument();
    expect(within(within(screen.getByRole('form', { name: /东门驿站/ })).getByRole('group', { name: '开放时间' })).getByLabelText('开门')).toHaveValue('07:30');

    fireEvent.change(within(within(screen.getByRole('form', { name: /东门驿站/ })).getByRole('group', { name: '开放时间' })).getByLabelText('关门'), { target: { value: '19:00' } });
    expect(screen.queryByText('已保存，驿站下次同步时生效。')).not.toBeInTheDocument();
  });
});
