import { act, cleanup, render, screen } from '@testing-library/react';
import { Suspense, use } from 'react';
import { describe, expect, it } from 'vitest';
import { type NavigationActions, NavigationProvider, type RouteState, useNavigate, useRoute, useRouteParams } from './navigation.tsx';

/** Mounts probes that record what they saw on each render, and hands back the latest actions and route. */
const setup = () => {
  const seen = { actions: [] as NavigationActions[], routes: [] as RouteState[] };
  function Acts() {
    seen.actions.push(useNavigate());
    return null;
  }
  function Where() {
    seen.routes.push(useRoute());
    return null;
  }
  render(
    <NavigationProvider>
      <Acts />
      <Where />
    </NavigationProvider>,
  );
  const nav = () => seen.actions.at(-1)!;
  const at = () => seen.routes.at(-1)!;
  return { seen, nav, at };
};

describe('navigation', () => {
  it('keeps one set of actions for the whole visit: holding them never re-renders on a route change', () => {
    const { seen, nav, at } = setup();
    const first = nav();
    act(() => nav().go('checkin'));
    act(() => nav().go('services', { categoryId: 'c1' }));
    act(() => nav().back());
    act(() => nav().home());
    expect(at()).toEqual({ route: { screen: 'home', params: undefined }, depth: 0 });
    // Four route changes: the route's reader rendered for each, the actions' holder only once, at mount.
    expect(seen.routes).toHaveLength(5);
    expect(seen.actions).toHaveLength(1);
    expect(nav()).toBe(first);
  });

  it('stacks screens with their parameters and goes back one at a time, never below home', () => {
    const { nav, at } = setup();
    act(() => nav().go('services', { categoryId: 'c1' }));
    act(() => nav().go('service', { serviceId: 's1' }));
    expect(at()).toEqual({ route: { screen: 'service', params: { serviceId: 's1' } }, depth: 2 });
    act(() => nav().back());
    expect(at()).toEqual({ route: { screen: 'services', params: { categoryId: 'c1' } }, depth: 1 });
    act(() => nav().back());
    act(() => nav().back());
    expect(at()).toEqual({ route: { screen: 'home', params: undefined }, depth: 0 });
  });

  it('opens one screen at a time: while one loads, another "go" is ignored, but back and home still work', async () => {
    // A screen whose code has not arrived yet: it suspends until `arrive` is called.
    let arrive = () => undefined as void;
    const code = new Promise<void>((resolve) => {
      arrive = resolve;
    });
    function Screen() {
      const { route } = useRoute();
      if (route.screen === 'checkin') use(code);
      return <p>{route.screen}</p>;
    }
    let nav: NavigationActions | undefined;
    function Acts() {
      nav = useNavigate();
      return null;
    }
    render(
      <NavigationProvider>
        <Acts />
        <Suspense fallback={<p>empty</p>}>
          <Screen />
        </Suspense>
      </NavigationProvider>,
    );
    await act(async () => nav!.go('checkin'));
    // The tapped screen stays up, and a second tap (the same tile, another one) opens nothing behind it.
    expect(screen.getByText('home')).toBeInTheDocument();
    await act(async () => nav!.go('checkin'));
    await act(async () => nav!.go('services', { categoryId: 'c1' }));
    await act(async () => arrive());
    expect(await screen.findByText('checkin')).toBeInTheDocument();
    await act(async () => nav!.back());
    expect(screen.getByText('home')).toBeInTheDocument();

    // Home while a screen loads goes home, and the screen never shows.
    const stalled = new Promise<never>(() => undefined);
    function Stalled() {
      const { route } = useRoute();
      if (route.screen === 'duty') use(stalled);
      return null;
    }
    cleanup();
    render(
      <NavigationProvider>
        <Acts />
        <Suspense fallback={<p>empty</p>}>
          <Stalled />
          <Screen />
        </Suspense>
      </NavigationProvider>,
    );
    await act(async () => nav!.go('duty'));
    await act(async () => nav!.home());
    expect(await screen.findByText('home')).toBeInTheDocument();
    await act(async () => nav!.go('notices'));
    expect(await screen.findByText('notices')).toBeInTheDocument();
  });

  it('renders nothing again when home is pressed on home, or back on home', () => {
    const { seen, nav } = setup();
    act(() => nav().home());
    act(() => nav().back());
    expect(seen.routes).toHaveLength(1);
  });

  it('gives a screen its own parameters and refuses another screen\'s', () => {
    const params: unknown[] = [];
    function Service() {
      params.push(useRouteParams('service'));
      return null;
    }
    expect(() =>
      render(
        <NavigationProvider>
          <Service />
        </NavigationProvider>,
      ),
    ).toThrow('route is home, not service');
    render(
      <NavigationProvider initial={{ screen: 'service', params: { serviceId: 's1' } }}>
        <Service />
      </NavigationProvider>,
    );
    expect(params.at(-1)).toEqual({ serviceId: 's1' });
  });
});
