// @vitest-environment node
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { DEMO_PIN_HASH } from '../common/technician.ts';
import { envLayer, loadStationConfig, publicConfig } from './config.ts';
import { systemConfigPath } from './paths.ts';

const shippedDefault = readFileSync('electron/resources/station.default.json', 'utf8');
const ownHash = 'pbkdf2-sha256$210000$AAAAAAAAAAAAAAAAAAAAAA==$fvJva+1tg9xdNSv76FN3LKoI4QKVZhw4vnCyTKmr2bA=';

const load = (files: Record<string, string>, env: Record<string, string> = {}, platform: NodeJS.Platform = 'linux') =>
  loadStationConfig({
    env,
    platform,
    resourcesPath: '/opt/Yizhan/resources',
    setupPath: '/home/kiosk/.config/Yizhan/station.setup.json',
    readText: (path) => files[path] ?? null,
  });

describe('loadStationConfig', () => {
  it('reads /etc/yizhan/station.json on Linux and %PROGRAMDATA%\\Yizhan\\station.json on Windows', () => {
    expect(systemConfigPath('linux', {})).toBe('/etc/yizhan/station.json');
    expect(systemConfigPath('win32', { PROGRAMDATA: 'D:\\ProgramData' })).toBe('D:\\ProgramData\\Yizhan\\station.json');
    expect(systemConfigPath('win32', {})).toBe('C:\\ProgramData\\Yizhan\\station.json');
  });

  it('with only the shipped default: not provisioned, no PIN, no problem', () => {
    const loaded = load({ '/opt/Yizhan/resources/station.default.json': shippedDefault });
    expect(loaded.sources).toEqual(['default']);
    expect(publicConfig(loaded)).toMatchObject({ provisioned: false, technicianPinSet: false });
    expect(loaded).toMatchObject({ pinSource: null, problems: [] });
  });

  it('reports a PIN everybody shares: the demo PIN anywhere, or any PIN baked into the image', () => {
    expect(load({ '/etc/yizhan/station.json': JSON.stringify({ technician: { pinHash: DEMO_PIN_HASH } }) }).problems).toEqual([expect.stringContaining('demo PIN')]);
    const baked = load({ '/opt/Yizhan/resources/station.default.json': JSON.stringify({ technician: { pinHash: ownHash } }) });
    expect(baked).toMatchObject({ pinSource: 'default', problems: [expect.stringContaining('image carries a technician PIN')] });
    // The station's own file overrides it: no problem then.
    const own = load({
      '/opt/Yizhan/resources/station.default.json': JSON.stringify({ technician: { pinHash: ownHash } }),
      '/home/kiosk/.config/Yizhan/station.setup.json': JSON.stringify({ technician: { pinHash: ownHash.replace('AAAA', 'BBBB') } }),
    });
    expect(own).toMatchObject({ pinSource: 'setup', problems: [] });
  });

  it('layers default < setup < system file < environment', () => {
    const loaded = load(
      {
        '/opt/Yizhan/resources/station.default.json': shippedDefault,
        '/home/kiosk/.config/Yizhan/station.setup.json': JSON.stringify({ stationId: 'from-setup', stationName: '设置', serverUrl: 'https://a.cn', enrolmentCode: 'SETUP-1' }),
        '/etc/yizhan/station.json': JSON.stringify({ stationId: 'hq-07', stationName: '幸福里', technician: { pinHash: ownHash }, features: { bills: false } }),
      },
      { YIZHAN_SERVER_URL: 'https://b.cn/', YIZHAN_UPDATES: 'off' },
    );
    expect(loaded.sources).toEqual(['default', 'setup', 'system', 'env']);
    expect(loaded.problems).toEqual([]);
    expect(loaded.config).toMatchObject({ stationId: 'hq-07', stationName: '幸福里', serverUrl: 'https://b.cn', enrolmentCode: 'SETUP-1', pinHash: ownHash });
    expect(loaded.config.updates.enabled).toBe(false);
    expect(loaded.config.features.bills).toBe(false);
  });

  it('YIZHAN_CONFIG points at another file', () => {
    const loaded = load({ '/srv/test.json': JSON.stringify({ stationId: 'bench-1' }) }, { YIZHAN_CONFIG: '/srv/test.json' });
    expect(loaded.config.stationId).toBe('bench-1');
  });

  it('leaves out a broken layer, says why, and still starts', () => {
    const loaded = load(
      {
        '/opt/Yizhan/resources/station.default.json': shippedDefault,
        '/etc/yizhan/station.json': JSON.stringify({ stationId: 'hq-07', serverUrl: 'http://evil.example' }),
        '/home/kiosk/.config/Yizhan/station.setup.json': '{ not json',
      },
      { YIZHAN_LOCALE: 'klingon' },
    );
    expect(loaded.sources).toEqual(['default']);
    expect(loaded.config.stationId).toBeNull();
    expect(loaded.problems.join('\n')).toMatch(/station\.json: .*serverUrl/);
    expect(loaded.problems.join('\n')).toMatch(/station\.setup\.json: not valid JSON/);
    expect(loaded.problems.join('\n')).toMatch(/environment .*locale/);
  });

  it('reports a file it may not read', () => {
    const loaded = loadStationConfig({
      env: {},
      platform: 'linux',
      resourcesPath: '/r',
      setupPath: '/s',
      readText: (path) => {
        if (path === '/etc/yizhan/station.json') throw new Error('EACCES: permission denied');
        return null;
      },
    });
    expect(loaded.problems).toEqual([expect.stringContaining('EACCES')]);
  });

  it('maps each environment variable', () => {
    expect(
      envLayer({
        YIZHAN_STATION_ID: 'a',
        YIZHAN_STATION_NAME: 'b',
        YIZHAN_SERVER_URL: 'https://c.cn',
        YIZHAN_ENROLMENT_CODE: 'DDDDDD',
        YIZHAN_LOCALE: 'en',
        YIZHAN_TECHNICIAN_PIN_HASH: 'h',
        YIZHAN_UPDATE_URL: 'https://u.cn',
        YIZHAN_UPDATES: 'on',
        UNRELATED: 'x',
      }),
    ).toEqual({
      stationId: 'a',
      stationName: 'b',
      serverUrl: 'https://c.cn',
      enrolmentCode: 'DDDDDD',
      locale: 'en',
      technician: { pinHash: 'h' },
      updates: { url: 'https://u.cn', enabled: true },
    });
  });

  it('gives the renderer everything but the PIN hash', () => {
    const view = publicConfig(load({ '/etc/yizhan/station.json': JSON.stringify({ technician: { pinHash: DEMO_PIN_HASH } }) }));
    expect(JSON.stringify(view)).not.toContain('pbkdf2');
    expect(view.technicianPinSet).toBe(true);
    expect(view.shell).toBe('electron');
  });
});
