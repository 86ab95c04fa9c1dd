import { STORAGE_FULL_WARN_DAYS, type StationHealth } from '@protocol/console/stations.ts';

/** Which stations the health board shows: all, the online ones, the offline ones, or those silent over a day. */
export const healthStates = ['all', 'online', 'offline', 'silent', 'waiting', 'errors', 'storage'] as const;
export type HealthState = (typeof healthStates)[number];

export const matchesHealth = (health: StationHealth, state: HealthState, text: string): boolean => {
  const wanted =
    state === 'all' ||
    (state === 'online' && health.online) ||
    (state === 'offline' && !health.online) ||
    (state === 'silent' && health.silent) ||
    (state === 'waiting' && (health.heartbeat?.recordsWaiting ?? 0) > 0) ||
    (state === 'errors' && ((health.heartbeat?.lastError ?? null) !== null || health.unresolvedDeadLetters > 0 || (health.heartbeat?.deadLetters ?? 0) > 0)) ||
    (state === 'storage' && storageRunningOut(health));
  const needle = text.trim().toLowerCase();
  return wanted && (needle === '' || health.station.id.includes(needle) || health.station.name.toLowerCase().includes(needle));
};

/** Little storage left now, or at its growth it fills within STORAGE_FULL_WARN_DAYS: someone should look before it refuses to record. */
export const storageRunningOut = (health: StationHealth): boolean => {
  const beat = health.heartbeat;
  if (!beat) return false;
  return (beat.storageLeft !== null && beat.storageLeft < LOW_STORAGE_BYTES) || (beat.storageFullInDays !== null && beat.storageFullInDays <= STORAGE_FULL_WARN_DAYS);
};

/** A clock this far from the server's stands out: records would carry wrong times. */
export const SKEW_WARNING_MS = 2 * 60_000;
/** Storage this low stands out: the tablet may soon refuse to record. */
export const LOW_STORAGE_BYTES = 200 * 1024 * 1024;
