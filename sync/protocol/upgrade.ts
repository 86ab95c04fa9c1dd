import { RECORD_SCHEMA_VERSION } from './records.ts';

/**
 * Record schema versions. Every kiosk-born record carries `v`; a push carries the client's own version too.
 * The server accepts the current version and the previous one, upgrading older payloads with the upgrader
 * registered for it, and answers anything older with 426 (the kiosk keeps its outbox until it is updated).
 * The upgraders live here, not on the server, so a kiosk can also upgrade its own outbox after an app update.
 *
 * While v1 is the only version there are no upgraders, so the accepted window is just {1}.
 */

/** Turns a payload of version n into one of version n + 1 (with `v` set to n + 1). Must be pure. */
export type RecordUpgrader = (record: Readonly<Record<string, unknown>>) => Record<string, unknown>;

export interface SchemaWindow {
  current: number;
  /** upgraders[n] upgrades a payload of version n to n + 1. */
  upgraders: Readonly<Record<number, RecordUpgrader>>;
}

export const recordSchemaWindow: SchemaWindow = { current: RECORD_SCHEMA_VERSION, upgraders: {} };

/** The versions a server with this window accepts: the current one and, when an upgrader exists, the previous. */
export const acceptedVersions = (window: SchemaWindow = recordSchemaWindow): { min: number; max: number } => ({
  min: window.upgraders[window.current - 1] ? window.current - 1 : window.current,
  max: window.current,
});

export type VersionCheck = 'ok' | 'too-old' | 'too-new';

export const checkVersion = (version: number, window: SchemaWindow = recordSchemaWindow): VersionCheck => {
  const { min, max } = acceptedVersions(window);
  if (version < min) return 'too-old';
  if (version > max) return 'too-new';
  return 'ok';
};

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** The integer `v` of a raw payload, or null when it has none (such a payload fails the schema later). */
export const versionOf = (raw: unknown): number | null =>
  isObject(raw) && typeof raw.v === 'number' && Number.isSafeInteger(raw.v) ? raw.v : null;

/**
 * Brings a raw payload of an accepted older version up to the current one; anything else is returned as it is
 * (the schema decides about it). Never throws: an upgrader that fails leaves the payload for the schema to refuse.
 */
export const upgradeRecord = (raw: unknown, window: SchemaWindow = recordSchemaWindow): unknown => {
  const version = versionOf(raw);
  if (version === null || !isObject(raw) || checkVersion(version, window) !== 'ok') return raw;
  let record: Record<string, unknown> = raw;
  for (let v = version; v < window.current; v += 1) {
    const upgrade = window.upgraders[v];
    if (!upgrade) return raw;
    try {
      record = { ...upgrade(record), v: v + 1 };
    } catch {
      return raw;
    }
  }
  return record;
};
