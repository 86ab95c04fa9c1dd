import type { StationSettings } from '@protocol/catalogue.ts';
import station from '@assets/demo/station.json';

/**
 * The shipped demo station's settings, as shipped: what a tablet's very first home screen is painted with
 * while the whole demo catalogue is validated and written (seed.ts). A file of its own (the catalogue's
 * `station`, start.test.ts pins the two equal), so the first chunk holds these few hundred bytes and a first
 * start paints without waiting for a chunk: importing them from the 52 KB catalogue brought all of it.
 */
export const demoStation: StationSettings = station;
