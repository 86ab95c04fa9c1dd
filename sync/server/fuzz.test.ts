import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { messages, PROTOCOL_HEADER, PROTOCOL_VERSION } from '../protocol/wire.ts';
import { entries, newEpoch, scrapeMetrics, startTestServer, type TestServer, visit } from './testing/fixtures.ts';

/**
 * Bad input, at volume: malformed, oversized and random requests against every endpoint, from a seeded PRNG so a
 * failure can be replayed (FUZZ_SEED, FUZZ_CASES). Every one must get a 4xx with the protocol's error body, the
 * server must stay up, and nothing may be stored.
 */
const SEED = Number(process.env.FUZZ_SEED ?? 20261127);
const CASES = Number(process.env.FUZZ_CASES ?? 10_500);
const BODY_LIMIT = 16 * 1024;

/** mulberry32: small, fast, good enough to pick test cases. */
const prng = (seed: number) => {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };

const makeRandom = (random: () => number) => {
  const int = (n: number) => Math.floor(random() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const strings = ['', ' ', '0', '-1', 'null', 'true', '__proto__', 'constructor', '../../etc/passwd', '%00', '\u0000', '\ud800', '😀', '红色驿站', '<script>', "' OR 1=1 --", 'yz1_', '1.0', '2.0', 'demo-station', 'fuzz'];
  const numbers = [0, -0, 1, -1, 0.5, 1e308, -1e308, 2 ** 53, 2 ** 53 + 2, 4294967296, 1e-300];
  const string = (): string => {
    switch (int(4)) {
      case 0: return pick(strings);
      case 1: return Array.from({ length: int(40) }, () => String.fromCharCode(int(0x3000))).join('');
      case 2: return 'x'.repeat(int(3000));
      default: return Math.random.toString().slice(0, int(20));
    }
  };
  const json = (depth = 0): Json => {
    const kind = depth > 3 ? int(4) : int(7);
    switch (kind) {
      case 0: return null;
      case 1: return random() < 0.5;
      case 2: return pick(numbers);
      case 3: return string();
      case 4: return Array.from({ length: int(5) }, () => json(depth + 1));
      default: {
        const object: { [key: string]: Json } = {};
        for (let i = int(5); i > 0; i -= 1) object[random() < 0.3 ? pick(['stationId', 'entries', 'cursor', 'epoch', 'code', 'seq', 'record']) : string().slice(0, 20)] = json(depth + 1);
        return object;
      }
    }
  };
  /** A JSON value whose type differs from the one the field wants, so the message cannot be valid. */
  const wrongType = (current: unknown): Json => {
    for (;;) {
      const candidate = json(1);
      const sameType = typeof candidate === typeof current && Array.isArray(candidate) === Array.isArray(current) && (candidate === null) === (current === null);
      if (!sameType) return candidate;
    }
  };
  return { int, pick, json, string, wrongType, random };
};

interface Case {
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
  label: string;
}

describe('fuzz: malformed, oversized and random requests', () => {
  let t: TestServer;
  let token: string;
  let otherToken: string;

  beforeAll(async () => {
    t = await startTestServer({ config: { bodyLimitBytes: BODY_LIMIT, rateLimit: { max: 1_000_000, windowMs: 60_000 }, enrolRateLimit: { max: 1_000_000, windowMs: 60_000 }, authFailureRateLimit: { max: 1_000_000, windowMs: 60_000 } } });
    token = await t.enrol('fuzz');
    otherToken = await t.enrol('fuzz-other');
  });
  afterAll(async () => t?.close());

  it(`answers ${CASES} bad requests with 4xx only, stays up and stores nothing`, async () => {
    const r = makeRandom(prng(SEED));
    const valid = (): Record<string, Record<string, unknown>> => ({
      [messages.enrol.path]: { code: 'ABCD-EFGH-JKMN', appVersion: '0.1.0' },
      [messages.push.path]: { stationId: 'fuzz', epoch: newEpoch(), schemaVersion: 1, entries: entries([visit('fuzz'), visit('fuzz')]) },
      [messages.pull.path]: { stationId: 'fuzz', cursor: '0', limit: 10, fullRead: true },
      [messages.heartbeat.path]: { stationId: 'fuzz', appVersion: '1', recordsWaiting: 0, storageUsed: null, storageQuota: null, lastError: null, clockOffsetMs: 0, sentAt: new Date().toISOString() },
      [messages.rotateToken.path]: { stationId: 'fuzz' },
    });
    const paths = Object.values(messages).map((m) => m.path);

    /** Fields that are required and not nullable: removing one, or giving it another type, breaks the message. */
    const required: Record<string, string[]> = {
      [messages.enrol.path]: ['code'],
      [messages.push.path]: ['stationId', 'epoch', 'schemaVersion', 'entries'],
      [messages.pull.path]: ['stationId', 'cursor'],
      [messages.heartbeat.path]: ['stationId', 'appVersion', 'recordsWaiting', 'sentAt'],
      [messages.rotateToken.path]: ['stationId'],
    };
    /** Breaks a valid body for sure: a required field removed or of the wrong type, or the body replaced. */
    const breakBody = (body: Record<string, unknown>, path: string): unknown => {
      const key = r.pick(required[path]!);
      switch (r.int(6)) {
        case 0: {
          const { [key]: _gone, ...rest } = body;
          return rest;
        }
        case 1:
          return { ...body, [key]: r.wrongType(body[key]) };
        case 2:
          // An optional field of the wrong type also makes the message invalid.
          return path === messages.pull.path ? { ...body, limit: r.pick([0, -5, 1001, 1.5, '10', null]) } : { ...body, [key]: r.wrongType(body[key]) };
        case 3:
          if (path === messages.push.path) {
            const list = body.entries as { seq: number; record: unknown }[];
            return r.pick([
              { ...body, entries: [] },
              { ...body, entries: [...list].reverse() },
              { ...body, entries: list.map((e) => ({ ...e, seq: r.pick([0, -1, 1.5, '1', null, 2 ** 60]) })) },
              { ...body, entries: Array.from({ length: 501 }, (_, i) => ({ seq: i + 1, record: null })) },
              { ...body, schemaVersion: r.pick([-1, 1.5, '1', null, 1e9]) },
              { ...body, epoch: r.pick(['short', '../../../x', 'a'.repeat(65), '', 'épöch-épöch']) },
            ]);
          }
          if (path === messages.pull.path) return { ...body, cursor: r.pick(['-1', '01', 'abc', '', '1'.repeat(16), '1e5', ' 1', 12]) };
          return { ...body, [key]: r.wrongType(body[key]) };
        case 4:
          return r.json();
        default:
          return r.pick([[], [body], 'body', 42, null, true]);
      }
    };

    const makeCase = (i: number): Case => {
      const path = r.pick(paths);
      const headers: Record<string, string> = { 'content-type': 'application/json', [PROTOCOL_HEADER]: PROTOCOL_VERSION };
      const auth = r.int(10);
      if (auth < 6) headers.authorization = `Bearer ${token}`;
      else if (auth === 6) headers.authorization = `Bearer ${otherToken}`;
      else if (auth === 7) headers.authorization = r.pick(['Bearer', 'Bearer ', `Bearer ${token}x`, `Basic ${token}`, `bearer  ${token}`, 'Bearer yz1_' + 'A'.repeat(43), r.string().replace(/[^\x20-\x7e]/g, '')]);
      let payload: string | Buffer = JSON.stringify(breakBody(valid()[path]!, path));
      let method = 'POST';
      let url: string = path;
      const strategy = r.int(20);
      let label = 'body';
      if (strategy === 0) {
        label = 'oversized';
        payload = JSON.stringify({ ...valid()[path], padding: 'x'.repeat(BODY_LIMIT + r.int(50_000)) });
      } else if (strategy === 1) {
        label = 'truncated';
        const text = JSON.stringify(valid()[path]);
        payload = text.slice(0, r.int(text.length - 1));
      } else if (strategy === 2) {
        label = 'bytes';
        payload = Buffer.from(Array.from({ length: r.int(2000) + 1 }, () => r.int(256)));
      } else if (strategy === 3) {
        label = 'content-type';
        headers['content-type'] = r.pick(['text/plain', 'application/x-www-form-urlencoded', 'multipart/form-data; boundary=x', 'application/jsonx', '']);
        payload = JSON.stringify(valid()[path]);
        if (headers['content-type'] === '') delete headers['content-type'];
      } else if (strategy === 4) {
        label = 'protocol';
        headers[PROTOCOL_HEADER] = r.pick(['', '2.0', '0.1', 'x', '1', '1.0.0', '99999.0', '-1.0', ' 3.0']);
        payload = JSON.stringify(valid()[path]);
        if (headers[PROTOCOL_HEADER] === '') delete headers[PROTOCOL_HEADER];
      } else if (strategy === 5) {
        label = 'method';
        method = r.pick(['GET', 'PUT', 'DELETE', 'PATCH', 'OPTIONS']);
        payload = JSON.stringify(valid()[path]);
      } else if (strategy === 6) {
        label = 'url';
        url = r.pick([
          `${path}/x`,
          `${path}%00`,
          `/api/${r.string().slice(0, 50)}`.replace(/[^\x21-\x7e]/g, '%'),
          '/%E0%A4%A',
          '/api/%',
          `/${'a/'.repeat(r.int(200))}`,
          '/healthz/../api/push',
          '/metrics?x=%%',
          `${path}?${'q=1&'.repeat(r.int(50))}`,
        ]);
        // A URL the router may well accept (a query string, a path it normalizes): the body is broken too.
        if (url.startsWith('/healthz') || url.startsWith('/metrics')) method = 'POST';
      } else if (strategy === 7) {
        label = 'deep';
        const depth = 1000 + r.int(20_000);
        payload = '['.repeat(depth) + ']'.repeat(depth);
      } else if (strategy === 9) {
        // Well-formed but wrong: random codes never enrol anything.
        label = 'guessed-code';
        url = messages.enrol.path;
        payload = JSON.stringify({ code: Array.from({ length: 12 }, () => r.pick([...'0123456789ABCDEFGHJKMNPQRSTVWXYZ'])).join('') });
      } else if (strategy === 10) {
        // Well-formed, with another station's token: refused, nothing applied.
        label = 'other-station';
        headers.authorization = `Bearer ${otherToken}`;
        payload = JSON.stringify(valid()[path === messages.enrol.path ? messages.push.path : path]);
        url = path === messages.enrol.path ? messages.push.path : path;
      } else if (strategy === 8) {
        label = 'operator-endpoints';
        url = r.pick(['/healthz', '/metrics']);
        method = r.pick(['POST', 'PUT', 'DELETE']);
      }
      return { method, url, headers, payload, label: `#${i} ${label} ${method} ${url.slice(0, 60)}` };
    };

    const started = Date.now();
    const failures: string[] = [];
    const byStatus = new Map<number, number>();
    const timeByLabel = new Map<string, number>();
    for (let i = 0; i < CASES; i += 1) {
      const c = makeCase(i);
      const t0 = performance.now();
      const response = await t.app.inject({ method: c.method as 'POST', url: c.url, headers: c.headers, ...(c.payload !== undefined && c.method !== 'GET' ? { payload: c.payload } : {}) });
      const kind = c.label.split(' ')[1]!;
      timeByLabel.set(kind, (timeByLabel.get(kind) ?? 0) + performance.now() - t0);
      byStatus.set(response.statusCode, (byStatus.get(response.statusCode) ?? 0) + 1);
      const ok4xx = response.statusCode >= 400 && response.statusCode < 500;
      let shaped: boolean;
      try {
        const body = response.json() as { error?: unknown; message?: unknown };
        shaped = typeof body.error === 'string' && typeof body.message === 'string';
      } catch {
        shaped = false;
      }
      if (!ok4xx || !shaped) failures.push(`${c.label} → ${response.statusCode} ${response.body.slice(0, 200)}`);
      if (failures.length > 20) break;
    }
    const elapsed = Date.now() - started;
    if (process.env.FUZZ_PROFILE) console.log(Object.fromEntries([...timeByLabel].map(([k, v]) => [k, Math.round(v)])), elapsed);
    expect(failures, `seed ${SEED}`).toEqual([]);
    // Every kind of answer a bad request can get appeared.
    for (const status of [400, 401, 403, 404, 413, 415, 426]) expect(byStatus.get(status) ?? 0, `status ${status}`).toBeGreaterThan(0);
    expect(elapsed).toBeLessThan(60_000);

    // Still up, still correct, and nothing of it stored.
    expect((await t.app.inject({ method: 'GET', url: '/healthz' })).statusCode).toBe(200);
    expect(await t.storage.listRecords('fuzz')).toEqual([]);
    expect(await t.storage.listDeadLetters('fuzz')).toEqual([]);
    expect(await t.storage.getHeartbeat('fuzz')).toBeNull();
    expect((await t.storage.listStations()).map((s) => s.id)).toEqual(['fuzz', 'fuzz-other']);
    const pushed = await t.call(messages.push.path, { stationId: 'fuzz', epoch: newEpoch(), schemaVersion: 1, entries: entries([visit('fuzz')]) }, token);
    expect(pushed.statusCode).toBe(200);
    // Random paths did not each become a metrics series.
    const series = (await scrapeMetrics(t)).body.split('\n').filter((l) => l.startsWith('yizhan_http_requests_total{'));
    expect(series.length).toBeLessThan(150);
  });
});
