import type { StationSettings } from '@protocol/catalogue.ts';
import { station } from '@assets/demo/catalogue.json';

/**
 * The shipped demo station's settings, as shipped: what a tablet's very first home screen is painted with
 * while the whole demo catalogue is validated and written (seed.ts). A named import of the JSON, so this chunk
 * holds the settings alone; start.test.ts pins that the schema takes them unchanged.
 */
export const demoStation: StationSettings = station;
