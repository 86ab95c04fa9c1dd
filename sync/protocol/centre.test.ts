import { describe, expect, it } from 'vitest';
import demo from '../../assets/demo/catalogue.json';
import { catalogueSchema } from './catalogue.ts';
import { catalogueEntries, centreCollections, parseCentreValue } from './centre.ts';

describe('centre collections', () => {
  it('turns the demo catalogue into entries with ids unique per collection', () => {
    const entries = catalogueEntries(catalogueSchema.parse(demo));
    expect(entries.settings).toEqual([{ id: 'demo-station', value: expect.objectContaining({ stationId: 'demo-station' }) }]);
    expect(entries.services).toHaveLength(21);
    expect(entries.bills.map((b) => b.id)).toContain('water');
    for (const [collection, items] of Object.entries(entries)) {
      expect(new Set(items.map((i) => i.id)).size, collection).toBe(items.length);
    }
  });

  it('validates pulled values by collection', () => {
    const entries = catalogueEntries(catalogueSchema.parse(demo));
    expect(parseCentreValue('services', entries.services[0]!.value).success).toBe(true);
    expect(parseCentreValue('services', { id: 'x' }).success).toBe(false);
    expect(centreCollections).toContain('request-status');
  });
});
