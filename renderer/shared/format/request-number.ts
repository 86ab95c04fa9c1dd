import { requestNumberSchema } from '@protocol/records.ts';

/**
 * The receipt number a resident writes down and types to check a request: 2,000,000 plus the minutes since
 * 2026-01-01 00:00 Beijing time when it was made, or one more than the last number this tablet gave when that is
 * higher. A tablet makes it offline, and it never repeats for the station: not next year, and not after the
 * tablet is wiped or replaced (why: sync/protocol/README.md, "Receipt numbers"). Seven digits until 19 March 2041.
 * The kiosk makes and shows it; the console finds requests by it and shows it grouped the same way, so staff and
 * resident read out the same thing.
 */
const ORIGIN = Date.parse('2026-01-01T00:00:00+08:00');
/** Above every number of the old scheme (MMDD + a day's counter, at most 1231999), so the two never meet. */
const BASE = 2_000_000;

/** The number of the minute `at` falls in (a clock before 2026 counts as its first minute). */
export const requestNumberAt = (at: Date): number => BASE + Math.max(0, Math.floor((at.getTime() - ORIGIN) / 60_000));

/** The number for a request made at `at`, given the last one this tablet's database gave (null: none yet). */
export const nextRequestNumber = (at: Date, last: number | null): number => Math.max(requestNumberAt(at), (last ?? 0) + 1);

/** How many digits a number made now has: the keypad looks a number up as soon as it has that many. */
export const requestNumberDigits = (at: Date): number => String(requestNumberAt(at)).length;

export const isRequestNumber = (value: string): boolean => requestNumberSchema.safeParse(value).success;

/** The longest number the keypad takes (requestNumberSchema). */
export const REQUEST_NUMBER_MAX_DIGITS = 8;

/** 2475740 → 2475-740: shorter groups are easier to read out and copy down. */
export const groupRequestNumber = (value: string): string =>
  value.length > 4 ? `${value.slice(0, 4)}-${value.slice(4)}` : value;

/** 2475740 → "2 4 7 5 7 4 0", so read-aloud says it digit by digit instead of as one large number. */
export const spokenDigits = (value: string): string => value.split('').join(' ');
