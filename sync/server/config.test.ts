import { describe, expect, it } from 'vitest';
import { configFromEnv, defaultConfig, localUrl } from './config.ts';

describe('configuration from the environment', () => {
  it('defaults to SQLite under ./data on loopback', () => {
    expect(configFromEnv({})).toEqual(defaultConfig);
    expect(defaultConfig).toMatchObject({ host: '127.0.0.1', sqlitePath: './data/yizhan.sqlite', databaseUrl: null });
  });
  it('reads every setting and refuses nonsense with every problem named', () => {
    const config = configFromEnv({ PORT: '9000', DATABASE_URL: 'postgres://u@h/db', RETENTION_DAYS: '30', BODY_LIMIT_BYTES: '2048', RATE_LIMIT_MAX: '5', KIOSK_DIR: 'dist/renderer', YIZHAN_DEMO: '1', HOST: '' });
    expect(config).toMatchObject({ port: 9000, databaseUrl: 'postgres://u@h/db', retentionDays: 30, bodyLimitBytes: 2048, rateLimit: { max: 5 }, kioskDir: 'dist/renderer', demo: true, host: '127.0.0.1' });
    expect(() => configFromEnv({ PORT: 'eighty', DATABASE_URL: 'mysql://x', RETENTION_DAYS: '0' })).toThrow(/PORT.*DATABASE_URL.*RETENTION_DAYS/);
  });
  it('allows the Electron kiosk (app://kiosk) cross-origin by default, and exactly the origins CORS_ORIGINS names', () => {
    expect(defaultConfig.corsOrigins).toEqual(['app://kiosk']);
    expect(configFromEnv({ CORS_ORIGINS: '' }).corsOrigins).toEqual(['app://kiosk']);
    expect(configFromEnv({ CORS_ORIGINS: 'app://kiosk, https://console.example.gov.cn ,http://127.0.0.1:5173,app://kiosk,' }).corsOrigins).toEqual([
      'app://kiosk',
      'https://console.example.gov.cn',
      'http://127.0.0.1:5173',
    ]);
    expect(configFromEnv({ CORS_ORIGINS: 'http://[::1]:8080' }).corsOrigins).toEqual(['http://[::1]:8080']);
  });
  it('takes a metrics token long enough not to be guessed, and none by default', () => {
    expect(defaultConfig.metricsToken).toBeNull();
    expect(configFromEnv({ METRICS_TOKEN: 'abcdefghijklmnopqrstuvwx' }).metricsToken).toBe('abcdefghijklmnopqrstuvwx');
    for (const bad of ['short-token', 'has spaces in it, quite a lot of them', `${'x'.repeat(30)}\n`]) {
      expect(() => configFromEnv({ METRICS_TOKEN: bad }), bad).toThrow(/^bad configuration: METRICS_TOKEN/);
    }
  });
  it('refuses a CORS origin that is a wildcard, has a path or is not written as browsers send it', () => {
    for (const bad of ['*', 'app://kiosk,*', 'null', 'app://kiosk/', 'https://example.com/api', 'https://example.com?x=1', 'example.com', 'app://', 'file:///index.html', 'https://*.example.com', 'https://Example.com', 'APP://kiosk', 'https://example.com:443', 'http://example.com:80', 'https://example.com:99999', 'https://user@example.com', ',']) {
      expect(() => configFromEnv({ CORS_ORIGINS: bad }), bad).toThrow(/^bad configuration: CORS_ORIGINS/);
    }
    expect(() => configFromEnv({ CORS_ORIGINS: 'app://kiosk,*' })).toThrow(/"\*" is not allowed/);
    expect(() => configFromEnv({ CORS_ORIGINS: 'https://example.com:443' })).toThrow(/arrives as https:\/\/example\.com/);
  });
});

describe('the address printed for a person to open', () => {
  it('turns a wildcard bind into loopback and brackets IPv6', () => {
    expect(localUrl('0.0.0.0', 8787, '/console/')).toBe('http://127.0.0.1:8787/console/');
    expect(localUrl('::', 8787, '/console/')).toBe('http://[::1]:8787/console/');
    expect(localUrl('127.0.0.1', 8787)).toBe('http://127.0.0.1:8787/');
    expect(localUrl('fd00::5', 80, '/console/')).toBe('http://[fd00::5]:80/console/');
    expect(localUrl('centre.example.cn', 443, '/console/')).toBe('http://centre.example.cn:443/console/');
  });
});
