import { describe, expect, it } from 'vitest';
import { MemoryStorage } from '../../../../tests/support/memory-storage.ts';
import { loadStationConfigFile } from './station-config-file.ts';

const json = (body: unknown, status = 200) => async () => new Response(JSON.stringify(body), { status, headers: { 'content-type': 'application/json' } });
const offline = async (): Promise<Response> => {
  throw new TypeError('Failed to fetch');
};

const file = { serverUrl: 'https://centre.example.cn', enrolmentCode: 'K7Q2-9XPM' };

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
    expect(await loadStationConfigFile(offline, cache)).toEqual({});

    await loadStationConfigFile(json(file), cache);
    expect(await loadStationConfigFile(json({ serverUrl: 'not a url' }), cache)).toEqual({});
    expect(await loadStationConfigFile(offline, cache)).toEqual({});

  });

  it('is kept through a captive portal\'s page or a proxy\'s refusal', async () => {
    const cache = new MemoryStorage();
    await loadStationConfigFile(json(file), cache);
    expect(await loadStationConfigFile(async () => new Response('<!doctype html><title>Wi-Fi login</title>', { headers: { 'content-type': 'text/html' } }), cache)).toEqual(file);
    expect(await loadStationConfigFile(async () => new Response('forbidden', { status: 403 }), cache)).toEqual(file);
    expect(await loadStationConfigFile(offline, cache)).toEqual(file);
  });

  it('without anything read before, offline means no file', async () => {
    expect(await loadStationConfigFile(offline, new MemoryStorage())).toEqual({});
  });
});
