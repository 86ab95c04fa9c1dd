import { z } from 'zod';

/**
 * `station-config.json` beside the app: how a browser kiosk finds and joins its centre (the central server
 * writes one in demo mode). The Electron shell reads the technician's config file instead.
 */
export const stationConfigFileSchema = z.object({
  /** The central server; defaults to the origin that served the app. */
  serverUrl: z.url().optional(),
  enrolmentCode: z.string().min(6).max(40).optional(),
});
export type StationConfigFile = z.infer<typeof stationConfigFileSchema>;

/** The file's contents, or nothing when it is missing, not JSON or not valid. */
export const loadStationConfigFile = async (fetchImpl: typeof fetch = fetch): Promise<StationConfigFile> => {
  try {
    const response = await fetchImpl('./station-config.json', { cache: 'no-store' });
    if (!response.ok || !response.headers.get('content-type')?.includes('json')) return {};
    const parsed = stationConfigFileSchema.safeParse(await response.json());
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};
