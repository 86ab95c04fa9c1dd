import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderScreen } from '../../../../tests/support/render-screen.tsx';

describe('CheckinScreen', () => {
  it('checks in anonymously with two taps and writes the visit with its outbox entry', async () => {
    const { db, user } = await renderScreen({ screen: 'checkin', params: undefined });
    await user.click(await screen.findByRole('radio', { name: /本小区居民/ }));
    const purposes = await screen.findAllByRole('radio');
    await user.click(purposes[0]!);
    await screen.findByRole('status');
    expect(screen.getByRole('status')).toHaveTextContent('签到成功');
    const visits = await db.visits.toArray();
    expect(visits).toHaveLength(1);
    expect(visits[0]).toMatchObject({ who: 'resident', kind: 'visit' });
    expect(visits[0]?.contact).toBeUndefined();
    expect(await db.outbox.toArray()).toEqual([expect.objectContaining({ id: visits[0]?.id, kind: 'visit' })]);
  });

  it('refuses an invalid phone with a message and writes nothing', async () => {
    const { db, user } = await renderScreen({ screen: 'checkin', params: undefined }, { language: 'en' });
    await user.click(await screen.findByRole('radio', { name: /passing by/ }));
    await user.click(screen.getByRole('switch', { name: /I agree/ }));
    for (const d of '12345') await user.click(screen.getByRole('button', { name: d }));
    await user.click(screen.getAllByRole('radio')[0]!);
    await user.click(screen.getByRole('button', { name: 'Check in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(/isn't right/);
    expect(await db.visits.count()).toBe(0);
    expect(await db.outbox.count()).toBe(0);
  });

  it('turning consent off forgets what was typed', async () => {
    const { user } = await renderScreen({ screen: 'checkin', params: undefined });
    await user.click(await screen.findByRole('radio', { name: /附近居民/ }));
    const consent = screen.getByRole('switch');
    await user.click(consent);
    await user.type(screen.getByLabelText(/姓名/), '李');
    await user.click(consent);
    await user.click(consent);
    await waitFor(() => expect(screen.getByLabelText(/姓名/)).toHaveValue(''));
  });

  it('goes back from the purpose to who you are with the one Back at the top, keeping nothing chosen', async () => {
    const { db, user } = await renderScreen({ screen: 'checkin', params: undefined });
    expect(screen.queryByRole('button', { name: '返回' })).not.toBeInTheDocument();
    await user.click(await screen.findByRole('radio', { name: /过路访客/ }));
    const backs = screen.getAllByRole('button', { name: /返回|重新选择/ });
    expect(backs.map((b) => b.textContent)).toEqual(['返回']);
    await user.click(screen.getByRole('button', { name: '返回' }));
    expect(screen.getByRole('radio', { name: /过路访客/ })).toHaveAttribute('aria-checked', 'false');
    expect(await db.visits.count()).toBe(0);
  });
});
