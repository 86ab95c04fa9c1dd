import type { Catalogue, Localized } from '../protocol/catalogue.ts';

/**
 * A station's first catalogue, made from the default one the project ships (assets/demo/catalogue.json): its
 * service menu, bill channels, amenities and opening hours, which suit most stations as they are; the station's
 * own name; and, where the technician has not said them yet, the community, address and phone marked for
 * editing. The demo's people, partner units, roster and notices are left out: they are the demo's, and a real
 * station's come from its community. `publish-catalogue` refuses a file that still holds a mark, naming each.
 */
export const TEMPLATE_MARK = '【请填写】';
/** The phone's mark: a phone must be digits, so this one stands for "not written yet". */
export const TEMPLATE_PHONE = '0000000';

export interface TemplateDetails {
  stationId: string;
  /** The name the centre knows the station by (create-station, provision). */
  name: string;
  /** As the technician typed it (one text for both languages), or the community's own name from the console. */
  community?: string | Localized;
  address?: string;
  phone?: string;
}

const both = (text: string) => ({ 'zh-CN': text, en: text });
const mark = (what: string, english: string) => ({ 'zh-CN': `${TEMPLATE_MARK}${what}`, en: `${TEMPLATE_MARK}${english}` });

export const catalogueTemplate = (base: Catalogue, details: TemplateDetails): Catalogue => ({
  ...base,
  station: {
    ...base.station,
    stationId: details.stationId,
    name: both(details.name),
    community: typeof details.community === 'string' ? both(details.community) : (details.community ?? mark('社区名称', 'community name')),
    address: details.address ? both(details.address) : mark('本站地址', 'station address'),
    phone: details.phone ?? TEMPLATE_PHONE,
    demo: false,
  },
  units: [],
  members: [],
  shifts: [],
  notices: [],
});

/** What a technician must still write in a catalogue made from the template: each field, as a path. */
export const templateLeftovers = (catalogue: Catalogue): string[] => {
  const found: string[] = [];
  const walk = (value: unknown, path: string) => {
    if (typeof value === 'string') {
      if (value.includes(TEMPLATE_MARK)) found.push(path);
    } else if (Array.isArray(value)) value.forEach((item, index) => walk(item, `${path}.${index}`));
    else if (value && typeof value === 'object') for (const [key, item] of Object.entries(value)) walk(item, path ? `${path}.${key}` : key);
  };
  walk(catalogue, '');
  if (catalogue.station.phone === TEMPLATE_PHONE) found.push('station.phone');
  return found;
};

const FIELD_WORDS: Record<string, string> = {
  'station.community': "the community's name (社区名称)",
  'station.address': "the station's address (本站地址)",
  'station.phone': "the station's phone number, 7 to 12 digits",
};

/**
 * Why a valid catalogue must not be published for `station` (null: it may be), in words that name the fix: a
 * template's marks left in, the demo catalogue sent for a station the centre does not have, a station id no
 * station has, or demo data dressed as a station's own.
 */
export const publishRefusal = (catalogue: Catalogue, file: string, stationExists: boolean): string[] | null => {
  const stationId = catalogue.station.stationId;
  const left = templateLeftovers(catalogue);
  if (left.length > 0) {
    return [
      `${file} still has fields to write before it is published (marked ${TEMPLATE_MARK}):`,
      ...left.map((path) => `  ${path}: ${FIELD_WORDS[path.replace(/\.(zh-CN|en)$/, '')] ?? 'write it, or remove the entry'}`),
    ];
  }
  if (!stationExists && catalogue.station.demo) {
    return [
      `${file} is the demo catalogue (station ${stationId}), and the centre has no station ${stationId}.`,
      `For a real station, make its own from the default: catalogue-template <station-id> (then edit and publish that file).`,
    ];
  }
  if (!stationExists) {
    return [
      `${file} is for station ${stationId}, which the centre does not have ("stations" lists those it has).`,
      `If the file is meant for another station, set "stationId" in its "station" part to that station's id; if ${stationId} is a new station, create-station ${stationId} first.`,
    ];
  }
  if (catalogue.station.demo) {
    return [`${file} says "demo": true in its "station" part, so station ${stationId}'s tablet would show it as demo data: set it to false (catalogue-template does).`];
  }
  return null;
};
