import { createContext, type ReactNode, useContext, useEffect, useState } from 'react';
import type { ConsoleClient } from './client.ts';
import type { LiveFeed } from './live.ts';

interface Api {
  client: ConsoleClient;
  /** Makes the live feed; it is started once a staff member is signed in and stopped when they sign out. */
  openLive: () => LiveFeed;
}

const ApiContext = createContext<Api | null>(null);
const LiveContext = createContext<LiveFeed | null>(null);

/** The console's seams to the server: its API client and its live feed (tests pass testing implementations). */
export function ApiProvider({ client, openLive, children }: Api & { children: ReactNode }) {
  return <ApiContext.Provider value={{ client, openLive }}>{children}</ApiContext.Provider>;
}

/** Keeps the live feed open while it is mounted (inside the signed-in console). */
export function LiveProvider({ children }: { children: ReactNode }) {
  const { openLive } = useApiContext();
  const [feed] = useState(openLive);
  useEffect(() => {
    feed.start();
    return () => feed.stop();
  }, [feed]);
  return <LiveContext.Provider value={feed}>{children}</LiveContext.Provider>;
}

export const useApiContext = (): Api => {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useApiContext outside ApiProvider');
  return api;
};

export const useClient = (): ConsoleClient => useApiContext().client;

export const useLiveFeed = (): LiveFeed => {
  const feed = useContext(LiveContext);
  if (!feed) throw new Error('useLiveFeed outside LiveProvider');
  return feed;
};
