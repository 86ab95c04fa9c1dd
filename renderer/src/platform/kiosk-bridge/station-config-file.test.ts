import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../../tests/support/memory-storage.ts';
import { loadStationConfigFile } from './station-config-file.ts';

const json = (body: unknown, status = 200) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

const file = { serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' };
/** The pauses between tries, noted instead of waited. */
const pauses = () => {
  const seen: number[] = [];
  return { seen, pause: async (ms: number) => void seen.push(ms) };
};

describe('station-config.json', () => {
  it('is read and remembered; offline, the last copy read stands in', async () => {
    const cache = new MemoryStorage();
    expect(await loadStationConfigFile(json(file), cache)).toEqual(file);
    expect(await loadStationConfigFile(offline, cache)).toEqual(file);
    expect(await loadStationConfigFile(json({ error: 'bad gateway' }, 502), cache)).toEqual(file);
  });

  it('is forgotten when the server says it is gone or serves something else', async () => {
    const cache = new MemoryStorage();
    await loadStationConfigFile(json(file), cache);
    expect(await loadStationConfigFile(json({ message: 'not found' }, 404), cache)).toEqual({});
    expect(await loadStationConfigFile(offline, cache, pauses().pause)).toEqual({});

    await loadStationConfigFile(json(file), cache);
    expect(await loadStationConfigFile(json({ serverUrl: 'not a url' }), cache)).toEqual({});
    expect(await loadStationConfigFile(offline, cache, pauses().pause)).toEqual({});

  });

  it('is kept through a captive portal\'s page or a proxy\'s refusal', async () => {
    const cache = new MemoryStorage();
    await loadStationConfigFile(json(file), cache);
    expect(await loadStationConfigFile(async () => new Response('<!doctype html><title>Wi-Fi login</title>', { headers: { 'content-type': 'text/html' } }), cache)).toEqual(file);
    expect(await loadStationConfigFile(async () => new Response('forbidden', { status: 403 }), cache)).toEqual(file);
    expect(await loadStationConfigFile(offline, cache)).toEqual(file);
  });

  it('without anything read before, a failed read is tried again for about a minute, not taken for no file', async () => {
    // A provisioned tablet's first start through a network hiccup: the third try answers.
    const cache = new MemoryStorage();
    let tries = 0;
    const flaky = async () => (++tries < 3 ? offline() : json(file)());
    const first = pauses();
    expect(await loadStationConfigFile(flaky, cache, first.pause)).toEqual(file);
    expect(first.seen).toEqual([1_000, 2_000]);
    expect(await loadStationConfigFile(offline, cache)).toEqual(file);

    // Offline all along: after the last try, no file (the first-run setup).
    const never = pauses();
    expect(await loadStationConfigFile(offline, new MemoryStorage(), never.pause)).toEqual({});
    expect(never.seen.reduce((sum, ms) => sum + ms, 0)).toBe(60_000);
    // The server says there is none: no file at once, no waiting.
    const none = pauses();
    expect(await loadStationConfigFile(json({}, 404), new MemoryStorage(), none.pause)).toEqual({});
    expect(none.seen).toEqual([]);
  });
});
