import { type ComponentPropsWithoutRef, createContext, type MouseEvent, type ReactNode, useCallback, useContext, useEffect, useMemo, useState } from 'react';

/**
 * The console's router: real paths under /console (the server answers every one of them with the app), the
 * History API, and nothing else. A location is a path below the base and its query; links are real <a href>s,
 * so a middle click, "open in new tab" and the keyboard work as on any web page.
 */
export const BASE = '/console';

export interface Location {
  /** Below the base, starting with '/': '/inbox', '/requests/0190…'. */
  path: string;
  query: URLSearchParams;
}

interface RouterValue {
  location: Location;
  navigate(to: string, options?: { replace?: boolean }): void;
}

const RouterContext = createContext<RouterValue | null>(null);

export const readLocation = (url: { pathname: string; search: string }): Location => {
  const inside = url.pathname.startsWith(BASE) ? url.pathname.slice(BASE.length) : url.pathname;
  return { path: inside === '' ? '/' : inside, query: new URLSearchParams(url.search) };
};

/** The address of a path below the base (with its query, if any). */
export const hrefOf = (to: string): string => `${BASE}${to.startsWith('/') ? to : `/${to}`}`;

export function RouterProvider({ children, history = window.history, location = window.location }: { children: ReactNode; history?: History; location?: globalThis.Location }) {
  const [current, setCurrent] = useState(() => readLocation(location));
  useEffect(() => {
    const onPop = () => setCurrent(readLocation(location));
    window.addEventListener('popstate', onPop);
    return () => window.removeEventListener('popstate', onPop);
  }, [location]);
  const navigate = useCallback(
    (to: string, options: { replace?: boolean } = {}) => {
      const href = hrefOf(to);
      if (options.replace) history.replaceState(null, '', href);
      else history.pushState(null, '', href);
      setCurrent(readLocation(new URL(href, location.href)));
    },
    [history, location],
  );
  const value = useMemo(() => ({ location: current, navigate }), [current, navigate]);
  return <RouterContext.Provider value={value}>{children}</RouterContext.Provider>;
}

export const useRouter = (): RouterValue => {
  const value = useContext(RouterContext);
  if (!value) throw new Error('useRouter outside RouterProvider');
  return value;
};

/** Matches '/requests/:requestId' against '/requests/abc': the parameters, or null. */
export const matchPath = (pattern: string, path: string): Record<string, string> | null => {
  const want = pattern.split('/').filter(Boolean);
  const have = path.split('/').filter(Boolean);
  if (want.length !== have.length) return null;
  const params: Record<string, string> = {};
  for (const [i, part] of want.entries()) {
    const actual = have[i] ?? '';
    if (part.startsWith(':')) {
      try {
        params[part.slice(1)] = decodeURIComponent(actual);
      } catch {
        return null;
      }
    } else if (part !== actual) return null;
  }
  return params;
};

/** A link inside the console: a plain click navigates in place; modified clicks are the browser's. */
export function Link({ to, children, className, ...rest }: { to: string; children: ReactNode; className?: string } & Omit<ComponentPropsWithoutRef<'a'>, 'href'>) {
  const { navigate } = useRouter();
  const onClick = (event: MouseEvent<HTMLAnchorElement>) => {
    rest.onClick?.(event);
    if (event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
    event.preventDefault();
    navigate(to);
  };
  return (
    <a {...rest} className={className} href={hrefOf(to)} onClick={onClick}>
      {children}
    </a>
  );
}

/** The query of the current location as a plain record of lists, and a way to change it (replacing the entry). */
export const useQueryState = (): [URLSearchParams, (next: URLSearchParams) => void] => {
  const { location, navigate } = useRouter();
  const set = useCallback(
    (next: URLSearchParams) => {
      const text = next.toString();
      navigate(`${location.path}${text ? `?${text}` : ''}`, { replace: true });
    },
    [location.path, navigate],
  );
  return [location.query, set];
};

/** One query parameter as state: '' when absent; setting '' removes it. The rest of the query stays. */
export const useQueryParam = (name: string): [string, (value: string) => void] => {
  const [query, setQuery] = useQueryState();
  const set = useCallback(
    (value: string) => {
      const next = new URLSearchParams(query);
      if (value) next.set(name, value);
      else next.delete(name);
      setQuery(next);
    },
    [name, query, setQuery],
  );
  return [query.get(name) ?? '', set];
};
