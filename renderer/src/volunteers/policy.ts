import type { StationSettings, VolunteerPolicy } from '@protocol/catalogue.ts';
import { defaultVolunteerPolicy } from '@protocol/volunteer-policy.ts';

/** The station's volunteer policy; catalogues from before volunteers signed in here have none. */
export const policyOf = (station: StationSettings): VolunteerPolicy => station.volunteers ?? defaultVolunteerPolicy;
