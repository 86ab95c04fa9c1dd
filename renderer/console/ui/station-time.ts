import { CHINA_UTC_OFFSET_MINUTES } from '@protocol/roster.ts';

/**
 * Times staff type (a corrected shift's start and end) are the stations' clock times, whatever the browser's
 * zone: a datetime-local value read and written at UTC+8, sent as an ISO instant with that offset.
 */
const OFFSET_MS = CHINA_UTC_OFFSET_MINUTES * 60_000;
const LOCAL = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/;

export const stationLocalInput = (iso: string): string => new Date(Date.parse(iso) + OFFSET_MS).toISOString().slice(0, 16);

export const instantFromStationLocal = (local: string): string | null => {
  const match = LOCAL.exec(local);
  if (!match) return null;
  const [, year, month, day, hour, minute] = match.map(Number) as [number, number, number, number, number, number];
  const ms = Date.UTC(year, month - 1, day, hour, minute) - OFFSET_MS;
  if (Number.isNaN(ms)) return null;
  const date = new Date(ms + OFFSET_MS);
  // 2026-02-30T10:00 is not a day: refuse it rather than roll it into March.
  if (date.getUTCDate() !== day || date.getUTCMonth() !== month - 1) return null;
  return `${local}:00+08:00`;
};
