import { z } from 'zod';
import { kioskBridge } from '../platform/kiosk-bridge/ready.ts';

/**
 * What a kiosk needs to find and join its centre. In Electron it comes from the technician's config file through
 * the bridge; in a browser from `station-config.json` beside the app (the central server writes one in demo mode).
 */
export const stationConfigSchema = z.object({
  /** The central server; defaults to the origin that served the app. */
  serverUrl: z.url().optional(),
  enrolmentCode: z.string().min(6).max(40).optional(),
});
export type StationConfig = z.infer<typeof stationConfigSchema>;

export const loadWebStationConfig = async (fetchImpl: typeof fetch = fetch): Promise<StationConfig> => {
  try {
    const response = await fetchImpl('./station-config.json', { cache: 'no-store' });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return {};
    const parsed = stationConfigSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};

/** The technician's config file through the shell's bridge in Electron; station-config.json in a browser. */
export const loadStationConfig = async (): Promise<StationConfig> => {
  const bridge = await kioskBridge;
  if (bridge.shell !== 'electron') return loadWebStationConfig();
  const config = await bridge.call('config:get');
  return stationConfigSchema.parse({ serverUrl: config.serverUrl ?? undefined, enrolmentCode: config.enrolmentCode ?? undefined });
};
