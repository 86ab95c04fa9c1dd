import { screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';
import { commitRecord } from '../../store/commit.ts';

describe('HomeScreen', () => {
  it('shows the station, eight big tiles and today\'s visits, and opens a tile\'s screen', async () => {
    const { db, user } = await renderScreen({ screen: 'home', params: undefined });
    await commitRecord(db, 'visit', 'demo-station', () => ({ kind: 'visit', who: 'resident', purpose: 'seniors' }));
    expect(await screen.findByRole('heading', { name: '欢迎来到幸福里社区红色驿站' })).toBeInTheDocument();
    expect(screen.getByRole('navigation').querySelectorAll('button')).toHaveLength(8);
    await waitFor(() => expect(screen.getByText(/今天已有 1 人次来访/)).toBeInTheDocument());
    await user.click(screen.getByRole('button', { name: /服务菜单/ }));
    expect(routeProbe.current?.screen).toBe('services');
  });

  it('speaks English when the session is in English', async () => {
    await renderScreen({ screen: 'home', params: undefined }, { language: 'en' });
    expect(await screen.findByRole('heading', { name: /Welcome to/ })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: /Pay bills/ })).toBeInTheDocument();
  });
});
