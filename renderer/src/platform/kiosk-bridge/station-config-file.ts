import { z } from 'zod';
import { featureSchema, idleOverridesSchema, localeSchema, pinHashSchema } from '@shell/config.ts';

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
  /**
   * A technician PIN for every browser that opens this kiosk: the demo server's (`npm start`) and the test
   * suite's. Anyone who can load the kiosk can read it, so a real station sets its own at first run instead.
   */
  technician: z.object({ pinHash: pinHashSchema }).optional(),
});
export type StationConfigFile = z.infer<typeof stationConfigFileSchema>;

const CACHE_KEY = 'yizhan.station-config-file';

/** The last copy read, or null when none was ever read (or it was forgotten). */
const cached = (cache: Storage | undefined): StationConfigFile | null => {
  try {
    const parsed = stationConfigFileSchema.safeParse(JSON.parse(cache?.getItem(CACHE_KEY) ?? 'null'));
    return parsed.success ? parsed.data : null;
  } catch {
    return null;
  }
};

/**
 * Pauses between tries while the file cannot be had and no copy was ever read: about a minute in all. A
 * provisioned tablet's first start must not take a network hiccup for "no file" and show the first-run setup,
 * which stays up until a technician comes.
 */
const RETRY_PAUSES_MS = [1_000, 2_000, 4_000, 8_000, 15_000, 30_000];
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms));

/** One read: the file, {} when the server says there is none or serves an invalid one, null when it cannot be had. */
const readOnce = async (fetchImpl: typeof fetch, cache: Storage | undefined): Promise<StationConfigFile | null> => {
  let response: Response;
  try {
    response = await fetchImpl('./station-config.json', { cache: 'no-store', signal: AbortSignal.timeout(5_000) });
  } catch {
    return null;
  }
  if (response.status === 404 || response.status === 410) {
    cache?.removeItem(CACHE_KEY);
    return {};
  }
  if (!response.ok || !response.headers.get('content-type')?.includes('json')) return null;
  let json: unknown;
  try {
    json = await response.json();
  } catch {
    return null;
  }
  const parsed = stationConfigFileSchema.safeParse(json);
  if (!parsed.success) {
    cache?.removeItem(CACHE_KEY);
    return {};
  }
  cache?.setItem(CACHE_KEY, JSON.stringify(parsed.data));
  return parsed.data;
};

/**
 * The file's contents. It is forgotten only when the server says it is gone (404, 410) or serves a config that
 * is not valid. Otherwise, when it cannot be had (offline, reloaded from the service worker, a captive portal's
 * page, a proxy's error, no answer within 5 s) the last copy read stands in: a station must not forget its
 * centre, and fall back to the first-run setup, because the network is down. With no copy ever read, it tries
 * again for about a minute before it takes the file to be absent.
 */
export const loadStationConfigFile = async (
  fetchImpl: typeof fetch = fetch,
  cache: Storage | undefined = globalThis.localStorage,
  pause: (ms: number) => Promise<void> = sleep,
): Promise<StationConfigFile> => {
  const read = async () => (await readOnce(fetchImpl, cache)) ?? cached(cache);
  for (const wait of RETRY_PAUSES_MS) {
    const file = await read();
    if (file) return file;
    await pause(wait);
  }
  return (await read()) ?? {};
};
