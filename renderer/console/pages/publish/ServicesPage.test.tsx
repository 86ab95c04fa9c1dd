import type { PublishedItem } from '@protocol/console/publish.ts';
import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { publishedLists, SCOPE, staffSession } from '../../testing/fixtures.ts';
import { renderConsole } from '../../testing/render-console.tsx';

const text = (zh: string, en: string) => ({ 'zh-CN': zh, en });
const clinic: PublishedItem = {
  collection: 'services',
  scope: SCOPE,
  id: 'clinic',
  version: 41,
  updatedAt: '2026-03-01T00:00:00.000Z',
  value: { id: 'clinic', categoryId: 'health', name: text('义诊', 'Health clinic'), icon: '🩺', summary: text('每月义诊', 'Monthly clinic'), provider: text('社区卫生服务中心', 'Health centre'), hours: text('每月第一个周六', 'First Saturday'), extended: [], bring: [], ways: [{ type: 'volunteer' }], order: 1 },
};
const health: PublishedItem = { collection: 'categories', scope: '*', id: 'health', version: 2, updatedAt: '2026-03-01T00:00:00.000Z', value: { id: 'health', name: text('健康', 'Health'), icon: '❤', order: 1 } };

describe('the service menu and where each service is offered', () => {
  it('shows a tick per station, and unticking one publishes the service without it', async () => {
    const { user, server, missing } = renderConsole('/publish/services', {
      session: staffSession,
      handlers: { ...publishedLists([clinic, health]), putPublished: ({ body }) => ({ item: { ...clinic, version: 42, value: body.value } as PublishedItem }) },
    });
    const row = await screen.findByRole('row', { name: /义诊/ });
    expect(row).toHaveTextContent('健康');
    const pumpRoom = within(row).getByRole('checkbox', { name: '水泵房驿站提供义诊' });
    expect(pumpRoom).toBeChecked();
    expect(within(row).getByRole('checkbox', { name: '东门驿站提供义诊' })).toBeChecked();
    await user.click(pumpRoom);
    await waitFor(() => expect(server.callsTo('putPublished')).toHaveLength(1));
    expect(server.callsTo('putPublished')[0]?.body).toMatchObject({ collection: 'services', scope: SCOPE, expectedVersion: 41, value: { id: 'clinic', stationIds: ['east-gate'] } });
    expect(await screen.findByText('已保存，驿站下次同步时生效。')).toBeInTheDocument();
    expect(missing).toEqual([]);
  });

  it('adds a service in both languages, checked against the catalogue before it is sent', async () => {
    const { user, server } = renderConsole('/publish/services', {
      session: staffSession,
      handlers: { ...publishedLists([health]), putPublished: ({ body }) => ({ item: { ...clinic, id: (body.value as { id: string }).id, value: body.value } as PublishedItem }) },
    });
    await user.click(await screen.findByRole('button', { name: '新增服务' }));
    const dialog = await screen.findByRole('dialog', { name: '新增服务' });
    await user.click(within(dialog).getByRole('button', { name: '保存并发布' }));
    expect(within(dialog).getByText(/有些内容没填或格式不对/)).toBeInTheDocument();
    expect(server.callsTo('putPublished')).toEqual([]);
    const fill = async (legend: string, zh: string, en: string) => {
      const group = within(dialog).getByRole('group', { name: legend });
      await user.click(within(group).getByLabelText('中文'));
      await user.paste(zh);
      await user.click(within(group).getByLabelText('英文'));
      await user.paste(en);
    };
    await fill('服务名称', '法律咨询', 'Legal advice');
    await fill('一句话介绍', '律师每周坐班', 'A lawyer every week');
    await fill('提供方', '司法所', 'Justice office');
    await fill('服务时间', '每周三下午', 'Wednesday afternoons');
    await user.click(within(dialog).getByRole('checkbox', { name: '晚间一小时' }));
    await user.click(within(dialog).getByRole('button', { name: '保存并发布' }));
    await waitFor(() => expect(server.callsTo('putPublished')).toHaveLength(1));
    expect(server.callsTo('putPublished')[0]?.body).toMatchObject({
      collection: 'services',
      expectedVersion: null,
      value: { id: 'legal-advice', categoryId: 'health', name: { 'zh-CN': '法律咨询', en: 'Legal advice' }, extended: ['evening-hour'], ways: [{ type: 'volunteer' }] },
    });
  });
});
