import http, { type IncomingHttpHeaders, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { deriveSeed, rng, type Rng } from './random.ts';

/**
 * An HTTP proxy on 127.0.0.1 in front of a real server that misbehaves on purpose, the way a kiosk's network
 * does: each request gets one fault, drawn from a seeded stream per station (the `stationId` of the JSON body),
 * so a station's sequence of faults does not depend on how the other stations' requests interleaved.
 *
 *   drop       the connection closes before anything is forwarded
 *   reset      half the body reaches the server, then both connections are reset
 *   delay      forwarded late and answered late (bounded)
 *   error500/502/503   answered by the proxy itself (503 with Retry-After; 502 not even JSON)
 *   lostAck    forwarded, answered by the server (committed), and the answer dropped
 *   truncate   the server's answer cut short: half the body, then a reset or a clean end
 *   replay     forwarded; later one of this station's earlier requests is delivered again (duplicate delivery)
 *   reorder    held back (the client sees its connection fail) and delivered after the station's next request
 *
 * Late deliveries (replays, held requests) go to the server with their original headers; their answers are
 * recorded in `late`, so a test can check the server took them calmly.
 */
export const faults = ['drop', 'reset', 'delay', 'error500', 'error502', 'error503', 'lostAck', 'truncate', 'replay', 'reorder'] as const;
export type Fault = (typeof faults)[number];

export type FaultProfile = Partial<Record<Fault, number>> & {
  /** Bounds of an injected delay, ms, each way. */
  delayMs?: [number, number];
  retryAfterSeconds?: number;
  /** A held request is delivered at the latest this long after it arrived. */
  holdMaxMs?: number;
  /** How long after the triggering request a replay is delivered, ms. */
  replayAfterMs?: [number, number];
};

export const noFaults: FaultProfile = {};

/** The mixed profile of the fault runs: every fault, often enough that each happens many times in a run. */
export const MIXED: FaultProfile = {
  drop: 0.04,
  reset: 0.04,
  delay: 0.08,
  error500: 0.03,
  error502: 0.03,
  error503: 0.02,
  lostAck: 0.05,
  truncate: 0.04,
  replay: 0.05,
  reorder: 0.04,
  delayMs: [10, 300],
  retryAfterSeconds: 1,
  holdMaxMs: 1_500,
};

interface Captured {
  method: string;
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

interface Upstream {
  status: number;
  headers: IncomingHttpHeaders;
  body: Buffer;
}

export interface FaultProxy {
  url: string;
  /** Requests seen, by what was done to them ('pass' for none). */
  stats: Record<Fault | 'pass' | 'upstreamDown', number>;
  /** Replayed and held requests delivered late: how many, and the server's answers by status. */
  late: { delivered: number; statuses: Record<number, number> };
  setProfile(profile: FaultProfile): void;
  setTarget(url: string): void;
  /** Requests forwarded to each target (by origin), late deliveries included. */
  perTarget: Record<string, number>;
  /** Delivers every held request and pending replay now and waits for their answers. */
  settle(): Promise<void>;
  close(): Promise<void>;
}

const HOP_BY_HOP = new Set(['connection', 'keep-alive', 'transfer-encoding', 'content-length', 'proxy-connection', 'upgrade', 'te', 'trailer']);

const readBody = (req: IncomingMessage): Promise<Buffer> =>
  new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
    req.on('aborted', () => reject(new Error('client aborted')));
  });

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

const stationOf = (body: Buffer): string => {
  try {
    const parsed = JSON.parse(body.toString('utf8')) as unknown;
    if (typeof parsed === 'object' && parsed !== null && typeof (parsed as { stationId?: unknown }).stationId === 'string') return (parsed as { stationId: string }).stationId;
  } catch {
    // not JSON: the stream of anonymous requests
  }
  return '(none)';
};

export const startFaultProxy = async (options: { target: string | string[]; profile: FaultProfile; seed: number }): Promise<FaultProxy> => {
  // Several targets: every request (and every late delivery) goes to the next one, as a round-robin load
  // balancer in front of several server processes sends them.
  let targets = (Array.isArray(options.target) ? options.target : [options.target]).map((t) => new URL(t));
  let turn = 0;
  const perTarget: Record<string, number> = {};
  const nextTarget = (): URL => {
    const target = targets[turn % targets.length]!;
    turn += 1;
    perTarget[target.origin] = (perTarget[target.origin] ?? 0) + 1;
    return target;
  };
  let profile = options.profile;
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const streams = new Map<string, Rng>();
  const history = new Map<string, Captured[]>();
  const held = new Map<string, { request: Captured; timer: ReturnType<typeof setTimeout> }[]>();
  const pending = new Set<Promise<void>>();
  const replayTimers = new Set<{ timer: ReturnType<typeof setTimeout>; run: () => void }>();
  const stats = Object.fromEntries([...faults, 'pass', 'upstreamDown'].map((f) => [f, 0])) as FaultProxy['stats'];
  const late: FaultProxy['late'] = { delivered: 0, statuses: {} };

  const streamOf = (key: string): Rng => {
    let s = streams.get(key);
    if (!s) {
      s = rng(deriveSeed(options.seed, `proxy:${key}`));
      streams.set(key, s);
    }
    return s;
  };

  const choose = (random: Rng): Fault | 'pass' => {
    const roll = random();
    let sum = 0;
    for (const fault of faults) {
      sum += profile[fault] ?? 0;
      if (roll < sum) return fault;
    }
    return 'pass';
  };

  /** Sends a request to the server; `partial` sends only that many bytes of the body, then resets. */
  const forward = (request: Captured, partial?: number): Promise<Upstream> =>
    new Promise((resolve, reject) => {
      const target = nextTarget();
      const headers: Record<string, string | string[]> = {};
      for (const [name, value] of Object.entries(request.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
      headers.host = target.host;
      headers['content-length'] = String(request.body.length);
      const upstream = http.request({ host: target.hostname, port: target.port, method: request.method, path: request.path, headers, agent }, (response) => {
        const chunks: Buffer[] = [];
        response.on('data', (c: Buffer) => chunks.push(c));
        response.on('end', () => resolve({ status: response.statusCode ?? 502, headers: response.headers, body: Buffer.concat(chunks) }));
        response.on('error', reject);
      });
      upstream.on('error', reject);
      if (partial === undefined) {
        upstream.end(request.body);
        return;
      }
      upstream.write(request.body.subarray(0, partial), () => {
        setTimeout(() => {
          upstream.destroy(new Error('proxy: reset mid-request'));
          reject(new Error('reset'));
        }, 5);
      });
    });

  const deliverLate = (request: Captured) => {
    const done = forward(request).then(
      (answer) => {
        late.delivered += 1;
        late.statuses[answer.status] = (late.statuses[answer.status] ?? 0) + 1;
      },
      () => {
        late.delivered += 1;
        late.statuses[0] = (late.statuses[0] ?? 0) + 1;
      },
    );
    pending.add(done);
    void done.finally(() => pending.delete(done));
  };

  const releaseHeld = (key: string) => {
    const list = held.get(key);
    if (!list) return;
    held.delete(key);
    for (const { request, timer } of list) {
      clearTimeout(timer);
      deliverLate(request);
    }
  };

  const answer = (res: ServerResponse, upstream: Upstream) => {
    const headers: Record<string, string | string[]> = {};
    for (const [name, value] of Object.entries(upstream.headers)) if (value !== undefined && !HOP_BY_HOP.has(name)) headers[name] = value;
    headers['content-length'] = String(upstream.body.length);
    res.writeHead(upstream.status, headers);
    res.end(upstream.body);
  };

  const reply = (res: ServerResponse, status: number, body: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'content-type': body.startsWith('{') ? 'application/json; charset=utf-8' : 'text/html', 'content-length': String(Buffer.byteLength(body)), ...headers });
    res.end(body);
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const body = await readBody(req);
    const request: Captured = { method: req.method ?? 'GET', path: req.url ?? '/', headers: req.headers, body };
    const key = stationOf(body);
    const random = streamOf(key);
    const fault = choose(random);
    stats[fault] += 1;
    const past = history.get(key) ?? [];
    history.set(key, past);
    const kill = () => req.socket.destroy();

    const passOn = async (): Promise<Upstream | null> => {
      try {
        return await forward(request);
      } catch {
        stats.upstreamDown += 1;
        kill();
        return null;
      } finally {
        // A request of this station went through: what was held back from it arrives after it.
        releaseHeld(key);
      }
    };

    switch (fault) {
      case 'drop':
        kill();
        break;
      case 'reset':
        await forward(request, Math.floor(body.length / 2)).catch(() => undefined);
        kill();
        break;
      case 'error500':
        reply(res, 500, JSON.stringify({ error: 'internal', message: 'proxy: injected 500' }));
        break;
      case 'error502':
        reply(res, 502, '<html><body>502 Bad Gateway</body></html>');
        break;
      case 'error503':
        reply(res, 503, JSON.stringify({ error: 'unavailable', message: 'proxy: injected 503' }), { 'retry-after': String(profile.retryAfterSeconds ?? 1) });
        break;
      case 'reorder': {
        const [min, max] = [0, 50];
        const list = held.get(key) ?? [];
        held.set(key, list);
        const entry = {
          request,
          timer: setTimeout(() => {
            const at = list.indexOf(entry);
            if (at >= 0) list.splice(at, 1);
            deliverLate(request);
          }, profile.holdMaxMs ?? 2_000),
        };
        list.push(entry);
        await sleep(random.int(min, max));
        kill();
        break;
      }
      default: {
        const [dMin, dMax] = profile.delayMs ?? [20, 250];
        if (fault === 'delay') await sleep(random.int(dMin, dMax));
        const upstream = await passOn();
        if (!upstream) break;
        if (fault === 'lostAck') {
          kill();
          break;
        }
        if (fault === 'truncate') {
          const half = upstream.body.subarray(0, Math.floor(upstream.body.length / 2));
          if (random.chance(0.5)) {
            // The declared length, half the bytes, then a reset.
            res.writeHead(upstream.status, { 'content-type': 'application/json', 'content-length': String(upstream.body.length) });
            res.write(half, () => kill());
          } else {
            // No length: the client reads half a JSON document that ends cleanly.
            res.writeHead(upstream.status, { 'content-type': 'application/json' });
            res.end(half);
          }
          break;
        }
        if (fault === 'delay') await sleep(random.int(dMin, dMax));
        if (fault === 'replay' && past.length > 0) {
          const again = random.pick(past);
          const [rMin, rMax] = profile.replayAfterMs ?? [50, 1_500];
          const item = {
            run: () => {
              replayTimers.delete(item);
              deliverLate(again);
            },
            timer: setTimeout(() => item.run(), random.int(rMin, rMax)),
          };
          replayTimers.add(item);
        }
        answer(res, upstream);
      }
    }
    past.push(request);
    if (past.length > 64) past.shift();
  };

  const server = http.createServer((req, res) => {
    res.on('error', () => undefined);
    handle(req, res).catch(() => {
      // The client went away mid-request (its own timeout): nothing to answer.
      if (!res.headersSent) req.socket.destroy();
    });
  });
  // A connection the proxy resets on purpose must not take the test down with it.
  server.on('connection', (socket) => socket.on('error', () => undefined));
  server.keepAliveTimeout = 5_000;
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}/`,
    stats,
    late,
    setProfile: (next) => {
      profile = next;
    },
    setTarget: (url) => {
      targets = [new URL(url)];
    },
    perTarget,
    settle: async () => {
      for (const key of [...held.keys()]) releaseHeld(key);
      for (const item of [...replayTimers]) {
        clearTimeout(item.timer);
        item.run();
      }
      while (pending.size > 0) await Promise.all([...pending]);
    },
    close: async () => {
      for (const list of held.values()) for (const { timer } of list) clearTimeout(timer);
      for (const item of replayTimers) clearTimeout(item.timer);
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
      agent.destroy();
    },
  };
};
