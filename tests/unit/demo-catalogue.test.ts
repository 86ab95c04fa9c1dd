import { describe, expect, it } from 'vitest';
import demo from '../../assets/demo/catalogue.json';
import { type Catalogue, catalogueSchema, type Localized } from '../../sync/protocol/catalogue.ts';

const catalogue: Catalogue = catalogueSchema.parse(demo);

const isLocalized = (value: unknown): value is Localized =>
  typeof value === 'object' && value !== null && 'zh-CN' in value && 'en' in value && Object.keys(value).length === 2;

/** Every localized string in the catalogue, with where it was found. */
const localizedStrings = (value: unknown, path = '$'): { path: string; text: Localized }[] => {
  if (isLocalized(value)) return [{ path, text: value }];
  if (Array.isArray(value)) return value.flatMap((item, i) => localizedStrings(item, `${path}[${i}]`));
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => localizedStrings(item, `${path}.${key}`));
  }
  return [];
};

const duplicates = (ids: string[]): string[] => ids.filter((id, i) => ids.indexOf(id) !== i);

describe('the shipped demo catalogue', () => {
  it('parses with the catalogue schema', () => {
    expect(catalogueSchema.safeParse(demo).success).toBe(true);
  });

  it('is marked as demo data for the demo station', () => {
    expect(catalogue.station.demo).toBe(true);
    expect(catalogue.station.stationId).toBe('demo-station');
  });

  it('lists the 21 services of the station and its 13 partner units', () => {
    expect(catalogue.services).toHaveLength(21);
    expect(catalogue.units).toHaveLength(13);
  });

  it('has unique ids in every collection', () => {
    for (const collection of ['categories', 'services', 'units', 'members', 'shifts', 'notices', 'amenities'] as const) {
      const ids = catalogue[collection].map((item) => item.id);
      expect(duplicates(ids), collection).toEqual([]);
    }
    expect(duplicates(catalogue.bills.map((bill) => bill.utility))).toEqual([]);
  });

  it('puts every service in a category that exists', () => {
    const categoryIds = new Set(catalogue.categories.map((c) => c.id));
    for (const service of catalogue.services) expect(categoryIds, service.id).toContain(service.categoryId);
  });

  it('links shifts to members and members to units', () => {
    const memberIds = new Set(catalogue.members.map((m) => m.id));
    const unitIds = new Set(catalogue.units.map((u) => u.id));
    for (const shift of catalogue.shifts) expect(memberIds, shift.id).toContain(shift.memberId);
    for (const member of catalogue.members) expect(unitIds, member.id).toContain(member.unitId);
  });

  it('gives every member at least one shift', () => {
    const onDuty = new Set(catalogue.shifts.map((s) => s.memberId));
    expect(catalogue.members.filter((m) => !onDuty.has(m.id)).map((m) => m.id)).toEqual([]);
  });

  it('staffs every day of the week', () => {
    for (let day = 0; day <= 6; day += 1) {
      const staffed = catalogue.shifts.filter((s) => s.kind !== 'evening-hour' && (s.weekdays ?? []).includes(day));
      expect(staffed.length, `weekday ${day}`).toBeGreaterThan(0);
    }
  });

  it('staffs the evening hour and the red weekend', () => {
    expect(catalogue.shifts.some((s) => s.kind === 'evening-hour')).toBe(true);
    const redWeekendDays = new Set(catalogue.shifts.filter((s) => s.kind === 'red-weekend').flatMap((s) => s.weekdays));
    expect(redWeekendDays).toContain(0);
    expect(redWeekendDays).toContain(6);
  });

  it('has one bill channel for each of the six utilities', () => {
    expect(catalogue.bills).toHaveLength(6);
    expect(new Set(catalogue.bills.map((b) => b.utility))).toEqual(new Set(['water', 'electricity', 'gas', 'phone', 'tv', 'property']));
  });

  it('translates every string (no zh-CN text left in English or vice versa)', () => {
    const strings = localizedStrings(demo);
    expect(strings.length).toBeGreaterThan(100);
    const untranslated = strings.filter(({ text }) => text['zh-CN'].trim() === text.en.trim()).map(({ path }) => path);
    expect(untranslated).toEqual([]);
  });
});
