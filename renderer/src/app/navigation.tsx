import { createContext, type ReactNode, use, useLayoutEffect, useMemo, useRef, useState, useTransition } from 'react';
import type { Route, Routes, ScreenName } from './routes.ts';

/** What moves the kiosk between screens. Its identity never changes, so holding it never re-renders anyone. */
export interface NavigationActions {
  go<K extends ScreenName>(screen: K, ...params: Routes[K] extends undefined ? [] : [Routes[K]]): void;
  back(): void;
  home(): void;
}

/** Where the kiosk is; changes with every tap that navigates. */
export interface RouteState {
  route: Route;
  /** How many screens lie behind this one; 0 on home. */
  depth: number;
}

export type Navigation = NavigationActions & RouteState;

const ActionsContext = createContext<NavigationActions | null>(null);
const RouteContext = createContext<RouteState | null>(null);
const HOME: Route = { screen: 'home', params: undefined };

/**
 * Navigation is a stack held in memory: the kiosk has no address bar, and an idle reset or reload must land
 * on home anyway. Each entry is remounted fresh, so leaving a screen forgets what was typed on it.
 * The actions and the route are two contexts: the top bar, the status bar and the idle guard only act, so a
 * tap that changes the screen re-renders the screen host and the new screen, not the frame around them.
 */
export function NavigationProvider({ children, initial = HOME }: { children: ReactNode; initial?: Route }) {
  const [stack, setStack] = useState<Route[]>([initial]);
  // A transition: while the next screen's code loads, the resident keeps seeing the screen they tapped on
  // instead of an empty one.
  const [opening, startOpening] = useTransition();
  const openingNow = useRef(false);
  useLayoutEffect(() => {
    openingNow.current = opening;
  }, [opening]);
  const actions = useMemo<NavigationActions>(() => {
    const navigate = (change: (s: Route[]) => Route[]) => startOpening(() => setStack(change));
    return {
      go: (screen, ...params) => {
        // One screen opens at a time. The screen still showing takes taps while the next loads, and a second tap
        // then (the same tile again, or another) would stack a screen the resident never saw for "back" to
        // reveal. Back and home always work.
        if (openingNow.current) return;
        navigate((s) => [...s, { screen, params: params[0] } as Route]);
      },
      back: () => navigate((s) => (s.length > 1 ? s.slice(0, -1) : s)),
      // Already home: keep the same stack, so nothing re-renders (and nothing remounts, as before).
      home: () => navigate((s) => (s.length === 1 && s[0]?.screen === 'home' ? s : [HOME])),
    };
  }, []);
  const state = useMemo<RouteState>(() => ({ route: stack[stack.length - 1] ?? HOME, depth: stack.length - 1 }), [stack]);
  return (
    <ActionsContext value={actions}>
      <RouteContext value={state}>{children}</RouteContext>
    </ActionsContext>
  );
}

/** go, back and home; never re-renders the caller on a route change. */
export const useNavigate = (): NavigationActions => {
  const value = use(ActionsContext);
  if (!value) throw new Error('useNavigate outside NavigationProvider');
  return value;
};

/** The current route and depth; the caller re-renders on every route change. */
export const useRoute = (): RouteState => {
  const value = use(RouteContext);
  if (!value) throw new Error('useRoute outside NavigationProvider');
  return value;
};

/**
 * Both at once, for a component that lives and dies with one screen (every screen is remounted on a route
 * change anyway). Anything that outlives a screen should use useNavigate or useRoute, whichever it needs.
 */
export const useNavigation = (): Navigation => ({ ...useRoute(), ...useNavigate() });

export const useRouteParams = <K extends ScreenName>(screen: K): Routes[K] => {
  const { route } = useRoute();
  if (route.screen !== screen) throw new Error(`route is ${route.screen}, not ${screen}`);
  return route.params as Routes[K];
};
