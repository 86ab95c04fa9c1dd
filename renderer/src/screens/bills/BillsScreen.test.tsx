import { screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';

// The lazy screen chunks and fake-indexeddb are slow on a busy shared machine; give every wait and test room.

describe('BillsScreen', { timeout: 30_000 }, () => {
  it('opens from home, says first that the kiosk takes no money, and lists the six utilities', async () => {
    const { user } = await renderScreen({ screen: 'home', params: undefined });
    await user.click(await screen.findByRole('button', { name: /^生活缴费/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '生活缴费' })).toBeInTheDocument();
    expect(screen.getByRole('note')).toHaveTextContent('本机不收取任何费用');
    const group = screen.getByRole('group', { name: '缴费项目' });
    await waitFor(() => expect(within(group).getAllByRole('button')).toHaveLength(6));
    const utilities = within(group).getAllByRole('button');
    expect(utilities.map((b) => within(b).getByText(/费$/).textContent)).toEqual(['水费', '电费', '燃气费', '话费', '有线电视费', '物业费']);
    expect(utilities[1]).toHaveTextContent('国家电网');
    await user.click(utilities[2]!);
    expect(routeProbe.current).toEqual({ screen: 'bill', params: { utility: 'gas' } });
    expect(await screen.findByRole('heading', { level: 1, name: '燃气费' })).toBeInTheDocument();
  });

  it('says the same in English', async () => {
    await renderScreen({ screen: 'bills', params: undefined }, { language: 'en' });
    expect(await screen.findByRole('note')).toHaveTextContent('This kiosk never takes any money');
    expect(await screen.findByRole('button', { name: /^Cable TV bill/ })).toBeInTheDocument();
  });
});
