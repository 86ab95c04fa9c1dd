// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { isProvisioned, joinsAnew, mergeLayers, serverUrlSchema, stationConfigLayerSchema, updateFeedUrl } from './config.ts';
import { DEMO_PIN_HASH } from './technician.ts';

describe('station config schema', () => {
  it('accepts a full station file', () => {
    const layer = stationConfigLayerSchema.parse({
      stationId: 'hq-07',
      stationName: '幸福里红色驿站',
      serverUrl: 'https://yizhan.example.cn/',
      enrolmentCode: 'K7Q2-9XPM',
      locale: 'zh-CN',
      idle: { resetSeconds: 90 },
      features: { bills: false },
      technician: { pinHash: DEMO_PIN_HASH },
      openingHours: {
        hours: { open: '08:30', close: '17:30' },
        eveningHour: { start: '18:30', end: '19:30' },
        redWeekend: { weekdays: [6, 0], start: '09:00', end: '12:00' },
      },
    });
    expect(layer.serverUrl).toBe('https://yizhan.example.cn');
  });

  it.each([
    ['a typo in a key', { serverURL: 'https://x.cn' }],
    ['plain http to a remote server', { serverUrl: 'http://yizhan.example.cn' }],
    ['credentials in the URL', { serverUrl: 'https://user:pw@yizhan.example.cn' }],
    ['a javascript: URL', { serverUrl: 'javascript:alert(1)' }],
    ['a station id with a slash', { stationId: '../etc' }],
    ['a station id the centre could not have issued', { stationId: 'XingFuLi_07' }],
    ['a weak PIN hash', { technician: { pinHash: 'pbkdf2-sha256$1000$WWl6aGFuLWRlbW8tc2FsdA==$fvJva+1tg9xdNSv76FN3LKoI4QKVZhw4vnCyTKmr2bA=' } }],
    ['a plain PIN instead of a hash', { technician: { pinHash: '1234' } }],
    ['an idle reset of 5 seconds', { idle: { resetSeconds: 5 } }],
    ['an unknown feature', { features: { casino: true } }],
    ['an unknown locale', { locale: 'fr' }],
  ])('refuses %s', (_name, layer) => {
    expect(stationConfigLayerSchema.safeParse(layer).success).toBe(false);
  });

  it('allows http only on loopback (a developer server)', () => {
    expect(serverUrlSchema.safeParse('http://127.0.0.1:8080').success).toBe(true);
    expect(serverUrlSchema.safeParse('http://localhost:8080').success).toBe(true);
    expect(serverUrlSchema.safeParse('http://10.0.0.2:8080').success).toBe(false);
  });

  it('the shipped default is a valid layer, not provisioned, with no technician PIN (first run sets one)', () => {
    const layer = stationConfigLayerSchema.parse(JSON.parse(readFileSync('electron/resources/station.default.json', 'utf8')));
    const config = mergeLayers([layer]);
    expect(isProvisioned(config)).toBe(false);
    expect(config.pinHash).toBeNull();
  });
});

describe('mergeLayers', () => {
  it('lets later layers win key by key, merging objects one level deep', () => {
    const config = mergeLayers([
      { locale: 'zh-CN', features: { bills: false }, updates: { enabled: true, checkEveryHours: 6 } },
      { stationId: 'a', serverUrl: 'https://s.cn', enrolmentCode: 'ABCDEF', updates: { enabled: false } },
      { features: { duty: false } },
    ]);
    expect(config.features.bills).toBe(false);
    expect(config.features.duty).toBe(false);
    expect(config.features.services).toBe(true);
    expect(config.updates).toEqual({ enabled: false, url: null, checkEveryHours: 6 });
    expect(isProvisioned(config)).toBe(true);
    expect(updateFeedUrl(config)).toBeNull();
  });

  it('derives the update feed from the server unless one is set', () => {
    expect(updateFeedUrl(mergeLayers([{ serverUrl: 'https://s.cn' }]))).toBe('https://s.cn/updates');
    expect(updateFeedUrl(mergeLayers([{ serverUrl: 'https://s.cn', updates: { url: 'https://cdn.cn/yz' } }]))).toBe('https://cdn.cn/yz');
    expect(updateFeedUrl(mergeLayers([]))).toBeNull();
  });
});

describe('joinsAnew', () => {
  const base = { serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' };
  it('is a new enrolment when the server or the code changes, not when only the name does', () => {
    expect(joinsAnew(base, { ...base })).toBe(false);
    expect(joinsAnew(base, { ...base, serverUrl: 'https://other.example.cn' })).toBe(true);
    expect(joinsAnew(base, { ...base, enrolmentCode: 'NEW-CODE-2' })).toBe(true);
    expect(joinsAnew({ serverUrl: null, enrolmentCode: null }, base)).toBe(true);
    // The same code as the server reads it: typed as printed, or in lower case.
    expect(joinsAnew(base, { ...base, enrolmentCode: 'k7q2 9xpm' })).toBe(false);
  });

  it('trims what a technician pastes, reads a capitalised station id in lower case, and takes a code as printed (with spaces)', () => {
    expect(stationConfigLayerSchema.parse({ serverUrl: ' https://centre.example.cn/ ', stationId: ' XingFuLi-01 ', enrolmentCode: ' K7Q2 9XPM ' })).toMatchObject({
      serverUrl: 'https://centre.example.cn',
      stationId: 'xingfuli-01',
      enrolmentCode: 'K7Q2 9XPM',
    });
    expect(stationConfigLayerSchema.safeParse({ enrolmentCode: 'A'.repeat(41) }).success).toBe(false);
  });
});
