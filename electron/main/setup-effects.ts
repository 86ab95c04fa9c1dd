import type { PublicConfig, Setup } from '../common/bridge.ts';
import { joinsAnew, updateFeedUrl } from '../common/config.ts';
import { type LoadedConfig, publicConfig } from './config.ts';
import type { ConfigChange, StationConfigStore } from './config-store.ts';
import type { Logger } from './log.ts';
import { serverOrigins } from './network.ts';

export interface SetupEffects {
  credentials: { clear(): Promise<void> };
  /** Loads the app again (storage flushed first). */
  reloadApp: () => void;
  /** The update feed follows the server. */
  retargetUpdates: (feedUrl: string) => void;
  announce: (config: PublicConfig) => void;
  log: Logger;
  /** How long the renderer has to take the answer before its page goes. */
  reloadDelayMs?: number;
}

/**
 * What a saved setup or PIN changes besides the file. A new server or code is a new enrolment: the old token is
 * dropped, once the new setup is on disk and before the renderer hears of it. The page's CSP (connect-src) was
 * fixed when it loaded: a new server needs a new page, and until then the old CSP blocks any call to it, so no
 * one-time code is spent by a page about to go.
 */
export const applyConfigChange = async ({ before, after }: ConfigChange, effects: SetupEffects): Promise<void> => {
  if (joinsAnew(before, after.config)) {
    await effects.credentials.clear();
    effects.log.warn('station credential dropped: a new server or code (re-enrolment)');
  }
  if (serverOrigins(before.serverUrl).join() !== serverOrigins(after.config.serverUrl).join()) {
    effects.log.info('new server: reloading the app for its CSP');
    const feed = updateFeedUrl(after.config);
    if (feed) effects.retargetUpdates(feed);
    setTimeout(effects.reloadApp, effects.reloadDelayMs ?? 500);
  }
  effects.announce(publicConfig(after));
};

/** The technician's two changes on the tablet, each followed by what it changes besides the file. */
export const stationSetup = (config: StationConfigStore, effects: SetupEffects, now: () => Date) => ({
  saveSetup: async (setup: Setup): Promise<LoadedConfig> => {
    const change = await config.saveSetup(setup);
    await applyConfigChange(change, effects);
    return change.after;
  },
  setPin: async (pin: string): Promise<number> => {
    const change = await config.setPin(pin, now().getTime());
    await applyConfigChange(change, effects);
    return change.expiresAt;
  },
});
