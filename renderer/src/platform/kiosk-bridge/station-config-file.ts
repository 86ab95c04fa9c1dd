import { z } from 'zod';
import { featureSchema, idleOverridesSchema, localeSchema } from '../../../../electron/common/config.ts';

/**
 * `station-config.json` beside the app: how a browser kiosk finds and joins its centre (the central server
 * writes one in demo mode), and the station's own choices the shell's config file also carries: language,
 * idle timeouts, features. The Electron shell reads the technician's config file instead.
 */
export const stationConfigFileSchema = z.object({
  /** The central server; defaults to the origin that served the app. */
  serverUrl: z.url().optional(),
  enrolmentCode: z.string().min(6).max(40).optional(),
  locale: localeSchema.optional(),
  idle: idleOverridesSchema.optional(),
  features: z.partialRecord(featureSchema, z.boolean()).optional(),
});
export type StationConfigFile = z.infer<typeof stationConfigFileSchema>;

const CACHE_KEY = 'yizhan.station-config-file';

const cached = (cache: Storage | undefined): StationConfigFile => {
  try {
    const parsed = stationConfigFileSchema.safeParse(JSON.parse(cache?.getItem(CACHE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};

/**
 * The file's contents; nothing when it is gone or not valid. When it cannot be fetched at all (the kiosk
 * reloaded offline, from its service worker) the last copy read stands in: a station must not forget its
 * centre, and fall back to the first-run setup, because the network is down.
 */
export const loadStationConfigFile = async (fetchImpl: typeof fetch = fetch, cache: Storage | undefined = globalThis.localStorage): Promise<StationConfigFile> => {
  let response: Response;
  try {
    response = await fetchImpl('./station-config.json', { cache: 'no-store' });
  } catch {
    return cached(cache);
  }
  if (response.status >= 500) return cached(cache);
  let parsed: ReturnType<typeof stationConfigFileSchema.safeParse> | null = null;
  if (response.ok && response.headers.get('content-type')?.includes('json')) {
    try {
      parsed = stationConfigFileSchema.safeParse(await response.json());
    } catch {
      parsed = null;
    }
  }
  if (!parsed?.success) {
    cache?.removeItem(CACHE_KEY);
    return {};
  }
  cache?.setItem(CACHE_KEY, JSON.stringify(parsed.data));
  return parsed.data;
};
