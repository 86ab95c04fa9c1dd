import { screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { renderScreen } from '../../../../tests/support/render-screen.tsx';

const route = { screen: 'feedback', params: undefined } as const;

// The screen is a lazy chunk: loading it once up front keeps a cold import out of the first test's time limit,
// and the longer waits keep a busy shared machine from failing a test that is only slow.
beforeAll(() => import('./FeedbackScreen.tsx'));

describe('FeedbackScreen', { timeout: 30_000 }, () => {
  it('offers five faces with their words as one radio group and says it is anonymous', async () => {
    await renderScreen(route);
    const group = await screen.findByRole('radiogroup', { name: /您满意吗/ });
    const faces = screen.getAllByRole('radio');
    expect(faces.map((f) => f.textContent)).toEqual(['很不满意', '不太满意', '一般', '满意', '非常满意']);
    expect(new Set(faces.map((f) => f.querySelector('img.icon')?.getAttribute('src'))).size).toBe(5);
    expect(faces.every((f) => f.getAttribute('aria-checked') === 'false')).toBe(true);
    expect(group).toHaveAttribute('aria-required', 'true');
    expect(screen.getByText(/匿名/)).toBeInTheDocument();
    expect(screen.queryByRole('switch')).toBeNull();
    expect(screen.queryByText(/电话号码/)).toBeNull();
  });

  it('asks for a face before sending and writes nothing until one is chosen', async () => {
    const { db, user } = await renderScreen(route);
    await user.type(await screen.findByLabelText(/还有什么想说的/), '厕所能不能开放');
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('请先点一个表情');
    expect(screen.getByRole('radiogroup')).toHaveAttribute('aria-invalid', 'true');
    expect(await db.feedback.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);

    await user.click(screen.getByRole('radio', { name: '不太满意' }));
    await waitFor(() => expect(screen.queryByRole('alert')).toBeNull());
    expect(screen.getByRole('radio', { name: '不太满意' })).toHaveAttribute('aria-checked', 'true');
    expect(screen.getByLabelText(/还有什么想说的/)).toHaveValue('厕所能不能开放');
  });

  it('sends a face alone and thanks the resident; the record and its outbox entry are written together', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('radio', { name: '非常满意' }));
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByRole('status')).toHaveTextContent('谢谢您的评价');
    expect(screen.getByText('您的评价：非常满意')).toBeInTheDocument();
    expect(screen.queryByText(/留言已经收到/)).toBeNull();

    const rows = await db.feedback.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ kind: 'feedback', rating: 5, stationId: 'demo-station' });
    expect(rows[0] && 'comment' in rows[0]).toBe(false);
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: rows[0]?.id, kind: 'feedback', record: expect.objectContaining({ rating: 5 }) })]);
    expect(screen.getByRole('button', { name: '完成，回到首页' })).toBeInTheDocument();
  });

  it('trims the comment, counts its characters and keeps it', async () => {
    const { db, user } = await renderScreen(route);
    const box = await screen.findByLabelText(/还有什么想说的/);
    expect(box).toHaveAttribute('maxlength', '500');
    expect(screen.getByText('0/500 字')).toBeInTheDocument();
    await user.click(screen.getByRole('radio', { name: '一般' }));
    await user.type(box, '  空调太冷了  ');
    expect(screen.getByText('9/500 字')).toBeInTheDocument();
    expect(box).toHaveAccessibleDescription('9/500 字');
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    await screen.findByText('您的留言已经收到，会转给社区工作人员。');
    const [row] = await db.feedback.toArray();
    expect(row).toMatchObject({ rating: 3, comment: '空调太冷了' });
  });

  it('sends once when send is tapped twice in quick succession', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('radio', { name: '满意' }));
    await user.dblClick(screen.getByRole('button', { name: '提交评价' }));
    await screen.findByText('您的评价：满意');
    expect(await db.feedback.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });

  it('treats a comment of only spaces as no comment', async () => {
    const { db, user } = await renderScreen(route);
    await user.click(await screen.findByRole('radio', { name: '满意' }));
    await user.type(screen.getByLabelText(/还有什么想说的/), '   ');
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    await screen.findByText('您的评价：满意');
    const [row] = await db.feedback.toArray();
    expect(row?.rating).toBe(4);
    expect(row && 'comment' in row).toBe(false);
  });

  it('works in English', async () => {
    const { db, user } = await renderScreen(route, { language: 'en' });
    await user.click(await screen.findByRole('button', { name: 'Send feedback' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Please tap a face first');
    await user.click(screen.getByRole('radio', { name: 'Unhappy' }));
    await user.type(screen.getByLabelText(/Anything else/), 'Too few chairs');
    expect(screen.getByText('14/500 characters')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Send feedback' }));
    expect(await screen.findByRole('status')).toHaveTextContent('Thank you for your feedback!');
    expect(screen.getByText('You said: Unhappy')).toBeInTheDocument();
    expect(await db.feedback.toArray()).toEqual([expect.objectContaining({ rating: 2, comment: 'Too few chairs' })]);
  });

  it('says so when the device cannot save, keeps what was entered and writes nothing', async () => {
    const { db, user } = await renderScreen(route);
    vi.spyOn(console, 'error').mockImplementation(() => undefined);
    vi.spyOn(db.feedback, 'add').mockRejectedValueOnce(Object.assign(new Error('disk full'), { name: 'QuotaExceededError' }));
    await user.click(await screen.findByRole('radio', { name: '很不满意' }));
    await user.click(screen.getByRole('button', { name: '提交评价' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('存储空间已满');
    expect(screen.queryByText('谢谢您的评价！')).toBeNull();
    expect(screen.getByRole('radio', { name: '很不满意' })).toHaveAttribute('aria-checked', 'true');
    expect(await db.outbox.count()).toBe(0);

    await user.click(screen.getByRole('button', { name: '提交评价' }));
    await screen.findByText('您的评价：很不满意');
    expect(await db.feedback.count()).toBe(1);
    expect(await db.outbox.count()).toBe(1);
  });
});
