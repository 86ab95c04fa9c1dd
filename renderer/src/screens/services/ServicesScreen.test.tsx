import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { renderScreen, routeProbe } from '../../../../tests/support/render-screen.tsx';

// The lazy screen chunks and fake-indexeddb are slow on a busy shared machine; give every wait and test room.

describe('ServicesScreen', { timeout: 30_000 }, () => {
  it('opens from home with the categories as tiles, each naming its first services', async () => {
    const { user } = await renderScreen({ screen: 'home', params: undefined });
    await user.click(await screen.findByRole('button', { name: /^服务菜单/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '服务菜单' })).toBeInTheDocument();
    const tiles = await screen.findAllByRole('button', { name: /^(生活缴费|老年服务|健康医疗|法律政策|邻里议事|儿童青少年|便民服务)/ });
    expect(tiles).toHaveLength(7);
    expect(screen.getByRole('button', { name: /^生活缴费/ })).toHaveTextContent('水电气代办代缴、城乡居民医保缴费');
    expect(screen.getByRole('button', { name: /^便民服务/ })).toHaveTextContent(/免费手机充电、免费读报、爱心雨伞借用等$/);
  });

  it('goes from a category to its services, in catalogue order, and on to a service', async () => {
    const { user } = await renderScreen({ screen: 'services', params: {} });
    await user.click(await screen.findByRole('button', { name: /^老年服务/ }));
    expect(routeProbe.current).toEqual({ screen: 'services', params: { categoryId: 'seniors' } });
    expect(await screen.findByRole('heading', { level: 1, name: '老年服务' })).toBeInTheDocument();
    const services = screen.getAllByRole('button', { name: /^老年/ });
    expect(services.map((b) => within(b).getByText(/^老年/).textContent)).toEqual(['老年公交卡充值', '老年优待卡当场办', '老年活动', '老年助餐']);
    await user.click(screen.getByRole('button', { name: /^老年公交卡充值/ }));
    expect(routeProbe.current).toEqual({ screen: 'service', params: { serviceId: 'senior-bus-card' } });
    expect(await screen.findByRole('heading', { level: 1, name: '老年公交卡充值' })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: /返回/ }));
    expect(await screen.findByRole('heading', { level: 1, name: '老年服务' })).toBeInTheDocument();
  });

  it('shows each service with its opening hours in English', async () => {
    const { user } = await renderScreen({ screen: 'services', params: { categoryId: 'children' } }, { language: 'en' });
    const tile = await screen.findByRole('button', { name: /4:30/ });
    expect(tile).toHaveTextContent('16:30');
    await user.click(tile);
    expect(await screen.findByRole('heading', { level: 2, name: 'How to get it' })).toBeInTheDocument();
  });

  it('says so when a category is gone from the catalogue', async () => {
    await renderScreen({ screen: 'services', params: { categoryId: 'no-such-category' } });
    expect(await screen.findByText(/暂时看不到了/)).toBeInTheDocument();
  });
});
