import type { StationSettings, VolunteerPolicy } from '@protocol/catalogue.ts';
import { defaultVolunteerPolicy } from '@protocol/volunteer-policy.ts';

/** The station's volunteer policy; catalogues from before volunteers signed in here have none. */
export const policyOf = (station: StationSettings): VolunteerPolicy => station.volunteers ?? defaultVolunteerPolicy;

/**
 * The tablet's own UTC offset in minutes. Days on the kiosk are the tablet's local days (dayKey), so hours and
 * shifts are placed in the same zone; a station in China is UTC+8 all year.
 */
export const localOffsetMinutes = (now: Date): number => -now.getTimezoneOffset();
