import { createContext, type ReactNode, use, useMemo, useState } from 'react';
import type { Route, Routes, ScreenName } from './routes.ts';

interface Navigation {
  route: Route;
  /** How many screens lie behind this one; 0 on home. */
  depth: number;
  go<K extends ScreenName>(screen: K, ...params: Routes[K] extends undefined ? [] : [Routes[K]]): void;
  back(): void;
  home(): void;
}

const NavigationContext = createContext<Navigation | null>(null);
const HOME: Route = { screen: 'home', params: undefined };

/**
 * Navigation is a stack held in memory: the kiosk has no address bar, and an idle reset or reload must land
 * on home anyway. Each entry is remounted fresh, so leaving a screen forgets what was typed on it.
 */
export function NavigationProvider({ children, initial = HOME }: { children: ReactNode; initial?: Route }) {
  const [stack, setStack] = useState<Route[]>([initial]);
  const value = useMemo<Navigation>(
    () => ({
      route: stack[stack.length - 1] ?? HOME,
      depth: stack.length - 1,
      go: (screen, ...params) => setStack((s) => [...s, { screen, params: params[0] } as Route]),
      back: () => setStack((s) => (s.length > 1 ? s.slice(0, -1) : s)),
      home: () => setStack([HOME]),
    }),
    [stack],
  );
  return <NavigationContext value={value}>{children}</NavigationContext>;
}

export const useNavigation = (): Navigation => {
  const value = use(NavigationContext);
  if (!value) throw new Error('useNavigation outside NavigationProvider');
  return value;
};

export const useRouteParams = <K extends ScreenName>(screen: K): Routes[K] => {
  const { route } = useNavigation();
  if (route.screen !== screen) throw new Error(`route is ${route.screen}, not ${screen}`);
  return route.params as Routes[K];
};
