import { join } from 'node:path';
import { z } from 'zod';
import type { PublicConfig } from '../common/bridge.ts';
import {
  type ConfigSource,
  isProvisioned,
  mergeLayers,
  type StationConfig,
  type StationConfigLayer,
  stationConfigLayerSchema,
} from '../common/config.ts';
import { DEMO_PIN_HASH } from '../common/technician.ts';
import { DEFAULT_CONFIG_FILE, systemConfigPath } from './paths.ts';

export interface LoadedConfig {
  config: StationConfig;
  sources: ConfigSource[];
  /** The layer the technician PIN's hash came from (the last that set one); null: no PIN yet. */
  pinSource: ConfigSource | null;
  /** Files or variables that were present but invalid (ignored, reported in diagnostics). */
  problems: string[];
}

export interface ConfigEnvironment {
  env: Record<string, string | undefined>;
  platform: NodeJS.Platform;
  /** Folder of the shipped default (process.resourcesPath when packaged). */
  resourcesPath: string;
  /** The setup screen's file in userData. */
  setupPath: string;
  /** Returns a file's text, or null when it does not exist. */
  readText(path: string): string | null;
}

/** Environment variables that override single fields (last layer; for a test bench or a service unit). */
export const envLayer = (env: Record<string, string | undefined>): Record<string, unknown> => {
  const layer: Record<string, unknown> = {};
  const set = (name: string, apply: (value: string) => void) => {
    const value = env[name]?.trim();
    if (value) apply(value);
  };
  set('YIZHAN_STATION_ID', (v) => (layer.stationId = v));
  set('YIZHAN_STATION_NAME', (v) => (layer.stationName = v));
  set('YIZHAN_SERVER_URL', (v) => (layer.serverUrl = v));
  set('YIZHAN_ENROLMENT_CODE', (v) => (layer.enrolmentCode = v));
  set('YIZHAN_LOCALE', (v) => (layer.locale = v));
  set('YIZHAN_TECHNICIAN_PIN_HASH', (v) => (layer.technician = { pinHash: v }));
  set('YIZHAN_UPDATE_URL', (v) => (layer.updates = { ...(layer.updates as object), url: v }));
  set('YIZHAN_UPDATES', (v) => (layer.updates = { ...(layer.updates as object), enabled: !['0', 'off', 'false', 'no'].includes(v.toLowerCase()) }));
  return layer;
};

/**
 * Reads the layers (shipped default < setup screen < system file < environment), validates each, and merges
 * them. An invalid layer is left out and reported; the kiosk still starts (offline use does not need it).
 */
export const loadStationConfig = (environment: ConfigEnvironment): LoadedConfig => {
  const layers: StationConfigLayer[] = [];
  const sources: ConfigSource[] = [];
  const problems: string[] = [];
  let pinSource: ConfigSource | null = null;
  const take = (source: ConfigSource, label: string, raw: unknown) => {
    const parsed = stationConfigLayerSchema.safeParse(raw);
    if (!parsed.success) {
      problems.push(`${label}: ${z.prettifyError(parsed.error).replace(/\s+/g, ' ').slice(0, 400)}`);
      return;
    }
    layers.push(parsed.data);
    sources.push(source);
    if (parsed.data.technician?.pinHash) pinSource = source;
  };
  const file = (source: ConfigSource, path: string) => {
    let text: string | null;
    try {
      text = environment.readText(path);
    } catch (error) {
      problems.push(`${path}: cannot be read (${error instanceof Error ? error.message : String(error)})`.slice(0, 500));
      return;
    }
    if (text === null) return;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      problems.push(`${path}: not valid JSON`);
      return;
    }
    take(source, path, json);
  };
  file('default', join(environment.resourcesPath, DEFAULT_CONFIG_FILE));
  file('setup', environment.setupPath);
  file('system', environment.env.YIZHAN_CONFIG || systemConfigPath(environment.platform, environment.env));
  const fromEnv = envLayer(environment.env);
  if (Object.keys(fromEnv).length > 0) take('env', 'environment (YIZHAN_*)', fromEnv);
  const config = mergeLayers(layers);
  if (config.pinHash === DEMO_PIN_HASH) problems.push('the technician PIN is the demo PIN, which everybody knows: give this station its own (docs/deploy.md)');
  else if (pinSource === 'default') problems.push('the image carries a technician PIN: every tablet made from it shares it (docs/deploy.md, step 1)');
  return { config, sources, pinSource, problems };
};

/** The renderer's read-only view: no PIN hash. */
export const publicConfig = ({ config, sources, problems }: LoadedConfig): PublicConfig => ({
  shell: 'electron',
  provisioned: isProvisioned(config),
  stationId: config.stationId,
  stationName: config.stationName,
  serverUrl: config.serverUrl,
  enrolmentCode: config.enrolmentCode,
  locale: config.locale,
  idle: config.idle,
  features: config.features,
  technicianPinSet: config.pinHash !== null,
  sources,
  problems: problems.slice(0, 20),
});


