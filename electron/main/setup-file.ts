import { type Setup } from '../common/bridge.ts';
import { type StationConfigLayer, stationConfigLayerSchema } from '../common/config.ts';
import { writeFileAtomicAsync } from './files.ts';

/**
 * userData/station.setup.json: what a technician sets on the tablet itself, the station's identity from the
 * first-run setup form and the technician PIN chosen at first run. One layer of the station config (config.ts);
 * each change rewrites the file whole, keeping the part it does not change.
 */
export const readSetupLayer = (path: string, readText: (path: string) => string | null): StationConfigLayer => {
  try {
    const parsed = stationConfigLayerSchema.safeParse(JSON.parse(readText(path) ?? '{}'));
    return parsed.success ? parsed.data : {};
  } catch {
    return {};
  }
};

/** The form's fields replace the station's identity (a locale left out goes back to the default); the PIN stays. */
export const withStation = (layer: StationConfigLayer, setup: Setup): StationConfigLayer =>
  stationConfigLayerSchema.parse({ ...(layer.technician ? { technician: layer.technician } : {}), ...setup });

export const withPinHash = (layer: StationConfigLayer, pinHash: string): StationConfigLayer =>
  stationConfigLayerSchema.parse({ ...layer, technician: { ...layer.technician, pinHash } });

export const writeSetupLayer = (path: string, layer: StationConfigLayer): Promise<void> =>
  writeFileAtomicAsync(path, `${JSON.stringify(layer, null, 2)}\n`, 0o600);
