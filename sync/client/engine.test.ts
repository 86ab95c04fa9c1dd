import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { type AckDeadLetter, heartbeatRequestSchema, type MessageName, type MessageRequest, type MessageResponse, type PushRequest } from '../protocol/wire.ts';
import { isSynced, SyncEngine } from './engine.ts';
import { MemorySyncStore } from './testing/memory-store.ts';
import { SyncCallError, type Transport } from './transport.ts';

/** A scripted server: applies pushes contiguously, serves a fixed list of changes, and can be told to fail. */
class ScriptedServer implements Transport {
  /** Answers 413 to a push whose JSON body weighs more than this many UTF-8 bytes, as the real server does. */
  bodyLimitBytes = Infinity;
  tooLarge: number[] = [];
  applied = new Map<string, number>();
  received: PushRequest[] = [];
  failures: SyncCallError[] = [];
  changes = [{ seq: '1', collection: 'notices' as const, id: 'n1', op: 'put' as const, value: { id: 'n1' } }];
  resetNext = false;
  pulls: MessageRequest<'pull'>[] = [];
  enrolments: string[] = [];
  /** Records (by their `i`) the server dead-letters as wrong-station when pushed. */
  refuse = new Set<number>();
  /** Records (by their `i`) the server's state machine refuses as coming from the wrong state. */
  races = new Set<number>();
  heartbeats: MessageRequest<'heartbeat'>[] = [];
  enrolledInstalls: (string | undefined)[] = [];
  /** The server's clock minus the real one, in the time its push and pull answers carry. */
  clockAheadMs = 0;
  heartbeatDown = false;
  private serverTime = () => new Date(Date.now() + this.clockAheadMs).toISOString();

  async call<K extends MessageName>(name: K, body: MessageRequest<K>): Promise<MessageResponse<K>> {
    const failure = this.failures.shift();
    if (failure) throw failure;
    if (name === 'push') {
      const push = body as PushRequest;
      const bytes = new TextEncoder().encode(JSON.stringify(push)).length;
      if (bytes > this.bodyLimitBytes) {
        this.tooLarge.push(push.entries.length);
        throw new SyncCallError('payload-too-large', 413, 'request body is too large');
      }
      this.received.push(push);
      let applied = this.applied.get(push.epoch) ?? 0;
      for (const entry of push.entries) if (entry.seq === applied + 1) applied = entry.seq;
      this.applied.set(push.epoch, applied);
      const deadLetters = push.entries.flatMap((entry): AckDeadLetter[] => {
        const i = (entry.record as { i?: number }).i ?? -1;
        const id = `record-${i}`;
        if (this.refuse.has(i)) return [{ seq: entry.seq, id, reason: 'wrong-station', detail: null }];
        if (this.races.has(i)) return [{ seq: entry.seq, id, reason: 'illegal-transition', detail: 'wrong-state' }];
        return [];
      });
      return { epoch: push.epoch, appliedSeq: applied, deadLetters, serverTime: this.serverTime() } as MessageResponse<K>;
    }
    if (name === 'pull') {
      this.pulls.push(body as MessageRequest<'pull'>);
      if (this.resetNext) {
        this.resetNext = false;
        return { changes: [], cursor: '0', hasMore: false, reset: true } as MessageResponse<K>;
      }
      return { changes: this.changes, cursor: '1', hasMore: false, reset: false, serverTime: this.serverTime() } as MessageResponse<K>;
    }
    if (name === 'enrol') {
      this.enrolments.push((body as MessageRequest<'enrol'>).code);
      this.enrolledInstalls.push((body as MessageRequest<'enrol'>).installId);
      return { stationId: 'station-from-code', token: `token-${this.enrolments.length}` } as MessageResponse<K>;
    }
    if (name === 'heartbeat') {
      if (this.heartbeatDown) throw new SyncCallError('unavailable', 503, 'heartbeat down');
      this.heartbeats.push(body as MessageRequest<'heartbeat'>);
      return { serverTime: new Date(Date.now() - 5_000).toISOString() } as MessageResponse<K>;
    }
    throw new Error(`unexpected ${name}`);
  }
  probe = async () => true;
}

let store: MemorySyncStore;
let server: ScriptedServer;
const engine = (extra: Partial<ConstructorParameters<typeof SyncEngine>[0]> = {}) =>
  new SyncEngine({ store, transport: server, appVersion: 'test', random: () => 0.5, ...extra });

beforeEach(() => {
  store = new MemorySyncStore({ stationId: 'demo-station', token: 't' });
  server = new ScriptedServer();
});
afterEach(() => vi.useRealTimers());

describe('SyncEngine', () => {
  it('pushes the outbox in bounded batches, pulls, and only then says synced', async () => {
    for (let i = 0; i < 1203; i += 1) store.add({ i });
    const e = engine({ maxBatchEntries: 500 });
    expect(isSynced(e.getState())).toBe(false);
    await e.run();
    expect(server.received.map((p) => p.entries.length)).toEqual([500, 500, 203]);
    expect(store.pushed).toBe(1203);
    expect(store.centre.get('notices/n1')).toEqual({ id: 'n1' });
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0, firstPullDone: true });
    expect(e.getState().clockOffsetMs).toBeGreaterThan(4_000);
    expect(isSynced(e.getState())).toBe(true);
  });

  it('measures the tablet\'s clock at every push and pull, and keeps it for the records written next, heartbeat or not', async () => {
    server.heartbeatDown = true;
    // The tablet booted in the past: the server is 12 hours ahead of it.
    server.clockAheadMs = 12 * 3_600_000;
    store.add({ i: 1 });
    const e = engine();
    await e.run().catch(() => undefined);
    expect(store.pushed).toBe(1);
    expect(e.getState().clockOffsetMs).toBeLessThan(-12 * 3_600_000 + 60_000);
    expect(store.clockOffsetMs).toBe(e.getState().clockOffsetMs);
    // NTP puts the clock right: the next pull says so.
    server.clockAheadMs = 0;
    await e.run().catch(() => undefined);
    expect(Math.abs(store.clockOffsetMs ?? Infinity)).toBeLessThan(60_000);
  });

  it('prunes acknowledged entries past the retention at the end of a round, never waiting ones', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    for (let i = 0; i < 3; i += 1) store.add({ i, at: old });
    server.heartbeatDown = true;
    await engine().run();
    expect(store.outbox).toHaveLength(3);
    server.heartbeatDown = false;
    store.add({ i: 3, at: new Date().toISOString() });
    await engine().run();
    expect(store.outbox.map((item) => item.seq)).toEqual([4]);
    expect(await store.pushedSeq()).toBe(4);
  });

  it('starts a new epoch over what it still holds when the server lost entries the outbox has pruned', async () => {
    const old = new Date(Date.now() - 40 * 86_400_000).toISOString();
    for (let i = 0; i < 3; i += 1) store.add({ i, at: old });
    await engine().run();
    expect(store.outbox).toHaveLength(0);
    // The centre is restored from a backup that never had them; the tablet cannot send them again.
    server.applied.clear();
    store.add({ i: 3, at: new Date().toISOString() });
    const e = engine();
    await e.run();
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0 });
    const last = server.received.at(-1)!;
    expect(last.epoch).not.toBe(server.received[0]!.epoch);
    expect(last.entries.map((entry) => [entry.seq, (entry.record as { i: number }).i])).toEqual([[1, 3]]);
  });

  it('reports the storage used and its trend in the heartbeat, as the wire takes it, and in its state', async () => {
    const e = engine({ storage: async () => ({ used: 52_428_800, quota: 1_073_741_824, growthPerDay: 2_400 }) });
    await e.run();
    const heartbeat = heartbeatRequestSchema.parse(server.heartbeats.at(-1));
    expect(heartbeat).toMatchObject({ storageUsed: 52_428_800, storageQuota: 1_073_741_824, storageGrowthPerDay: 2_400 });
    expect(e.getState().storage).toEqual({ used: 52_428_800, quota: 1_073_741_824, growthPerDay: 2_400 });
  });

  it('never says synced while the centre has refused records no technician has seen, even after a restart', async () => {
    for (let i = 0; i < 5; i += 1) store.add({ i });
    server.refuse = new Set([1, 3]);
    const e = engine();
    await e.run();
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0, firstPullDone: true, deadLetters: 2 });
    expect(isSynced(e.getState())).toBe(false);
    // The centre hears of it in the station's heartbeat.
    expect(server.heartbeats.at(-1)).toMatchObject({ deadLetters: 2 });

    // A new engine (a reload) reads them from the store: the count is not this engine's memory.
    const again = engine();
    await again.run();
    expect(again.getState()).toMatchObject({ waiting: 0, deadLetters: 2 });
    expect(isSynced(again.getState())).toBe(false);

    // A technician acknowledges them: the kiosk may say synced; they stay on the tablet.
    await again.acknowledgeDeadLetters();
    expect(isSynced(again.getState())).toBe(true);
    await again.run();
    expect(server.heartbeats.at(-1)).toMatchObject({ deadLetters: 0 });
    expect(store.deadLetters.map((dead) => dead.id)).toEqual(['record-1', 'record-3']);
  });

  it('says synced after a volunteer’s step lost the race to the centre, but not after a resident’s step was refused the same way', async () => {
    const take = { kind: 'request-event', requestId: 'r1', type: 'take', actor: 'member', memberId: 'wang-xiulan' };
    store.add({ i: 0, ...take });
    server.races = new Set([0]);
    const e = engine();
    await e.run();
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0, deadLetters: 0 });
    expect(isSynced(e.getState())).toBe(true);
    expect(server.heartbeats.at(-1)).toMatchObject({ deadLetters: 0 });
    // Kept all the same: the request card reads it to tell the volunteer.
    expect(store.deadLetters).toMatchObject([{ id: 'record-0', reason: 'illegal-transition', lostRace: true }]);

    store.add({ i: 1, kind: 'request-event', requestId: 'r1', type: 'cancel', actor: 'resident' });
    server.races.add(1);
    await e.run();
    expect(e.getState()).toMatchObject({ waiting: 0, deadLetters: 1 });
    expect(isSynced(e.getState())).toBe(false);
    expect(server.heartbeats.at(-1)).toMatchObject({ deadLetters: 1 });
  });

  it('keeps its books from the acknowledgements, not by recounting the outbox every batch', async () => {
    for (let i = 0; i < 2000; i += 1) store.add({ i });
    const counts = vi.spyOn(store, 'waitingCount');
    const epochs = vi.spyOn(store, 'epoch');
    const seen: number[] = [];
    const e = engine({ maxBatchEntries: 100 });
    e.subscribe((state) => seen.push(state.waiting));
    await e.run();
    expect(server.received).toHaveLength(20);
    expect(counts.mock.calls.length).toBeLessThanOrEqual(3);
    expect(epochs).toHaveBeenCalledTimes(1);
    // The status line still counts down batch by batch.
    expect(seen).toContain(1900);
    expect(seen).toContain(100);
    expect(e.getState().waiting).toBe(0);
  });

  it('splits batches by size as well as count', async () => {
    for (let i = 0; i < 10; i += 1) store.add({ text: 'x'.repeat(1000) });
    await engine({ maxBatchBytes: 3_500 }).run();
    expect(server.received.map((p) => p.entries.length)).toEqual([3, 3, 3, 1]);
  });

  it('sizes batches in UTF-8 bytes: 300 records of 2,000 Chinese characters each reach a server with a 1 MiB body limit', async () => {
    server.bodyLimitBytes = 1024 * 1024;
    for (let i = 0; i < 300; i += 1) store.add({ kind: 'device-event', detail: '驿'.repeat(2_000) });
    const e = engine();
    await e.run();
    expect(server.tooLarge).toEqual([]);
    expect(store.pushed).toBe(300);
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0 });
  });

  it('halves a batch the server refuses as too large, down to what it takes, and keeps to that size', async () => {
    server.bodyLimitBytes = 100 * 1024;
    for (let i = 0; i < 300; i += 1) store.add({ kind: 'device-event', detail: '驿'.repeat(2_000) });
    const e = engine();
    await e.run();
    expect(store.pushed).toBe(300);
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0 });
    // Each refusal halves the batch: a few refusals, then every push fits.
    expect(server.tooLarge.length).toBeGreaterThan(0);
    expect(server.tooLarge.length).toBeLessThanOrEqual(4);
    for (const [i, entries] of server.tooLarge.slice(1).entries()) expect(entries).toBeLessThanOrEqual(Math.ceil(server.tooLarge[i]! / 2));
    const refusals = server.tooLarge.length;
    for (let i = 0; i < 100; i += 1) store.add({ kind: 'device-event', detail: '驿'.repeat(2_000) });
    await e.run();
    expect(store.pushed).toBe(400);
    expect(server.tooLarge).toHaveLength(refusals);
  });

  it('keeps a record the server refuses as too large even alone, says why and backs off instead of looping', async () => {
    vi.useFakeTimers();
    server.bodyLimitBytes = 4 * 1024;
    store.add({ kind: 'device-event', detail: '驿'.repeat(2_000) });
    store.add({ kind: 'visit' });
    const e = engine();
    e.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.tooLarge).toEqual([2, 1]);
    expect(store.pushed).toBe(0);
    expect(e.getState()).toMatchObject({ phase: 'retrying', waiting: 2 });
    expect(e.getState().lastError).toMatch(/^payload-too-large/);
    expect(e.getState().nextAttemptAt).toBeGreaterThan(Date.now());
    e.stop();
  });

  it('is not synced while a record waits, and reports the failure calmly with a jittered retry', async () => {
    store.add({ a: 1 });
    server.failures.push(new SyncCallError('network', null, 'connection refused'));
    const e = engine({ online: () => false });
    await e.run();
    expect(e.getState()).toMatchObject({ phase: 'offline', waiting: 1 });
    expect(isSynced(e.getState())).toBe(false);
    expect(store.pushed).toBe(0);
  });

  it('tells a tablet without a network from a centre that does not answer', async () => {
    store.add({ a: 1 });
    let online = false;
    const e = engine({ online: () => online });
    const phaseAfter = async (failure: SyncCallError) => {
      server.failures.push(failure);
      await e.run();
      return e.getState().phase;
    };
    expect(await phaseAfter(new SyncCallError('network', null, 'fetch failed'))).toBe('offline');
    expect(await phaseAfter(new SyncCallError('timeout', null, 'aborted'))).toBe('offline');
    online = true;
    // The link is up: the centre refused the connection, let it time out, or its gateway said it was down.
    expect(await phaseAfter(new SyncCallError('network', null, 'fetch failed'))).toBe('unreachable');
    expect(await phaseAfter(new SyncCallError('timeout', null, 'aborted'))).toBe('unreachable');
    expect(await phaseAfter(new SyncCallError('gateway', 502, 'HTTP 502'))).toBe('unreachable');
    // The centre answered, with trouble of its own: it is reachable, the round is retried.
    expect(await phaseAfter(new SyncCallError('internal', 500, 'internal error'))).toBe('retrying');
    expect(await phaseAfter(new SyncCallError('unavailable', 503, 'maintenance', 30_000))).toBe('retrying');
    // Without a word on the link, a connection that fails is all the engine knows: the centre did not answer.
    const blind = engine();
    server.failures.push(new SyncCallError('network', null, 'fetch failed'));
    await blind.run();
    expect(blind.getState().phase).toBe('unreachable');
  });

  it('honours Retry-After over its own shorter backoff', async () => {
    vi.useFakeTimers();
    store.add({ a: 1 });
    server.failures.push(new SyncCallError('rate-limited', 429, 'slow down', 120_000));
    const e = engine();
    e.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(e.getState().phase).toBe('retrying');
    await vi.advanceTimersByTimeAsync(119_000);
    expect(store.pushed).toBe(0);
    e.nudge();
    await vi.advanceTimersByTimeAsync(600);
    expect(store.pushed).toBe(0);
    await vi.advanceTimersByTimeAsync(1_500);
    expect(store.pushed).toBe(1);
    e.stop();
  });

  it('keeps the outbox and stops hammering when the server requires an update', async () => {
    vi.useFakeTimers();
    store.add({ a: 1 });
    server.failures.push(new SyncCallError('update-required', 426, 'protocol 0 is too old'));
    const e = engine();
    e.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(e.getState()).toMatchObject({ phase: 'update-required', waiting: 1 });
    await vi.advanceTimersByTimeAsync(59 * 60_000);
    expect(server.received).toHaveLength(0);
    e.stop();
  });

  it('starts a new epoch when the server says our history diverged, and pushes everything again', async () => {
    store.add({ a: 1 });
    store.add({ a: 2 });
    server.failures.push(new SyncCallError('outbox-diverged', 409, 'seq 1 differs'));
    await engine().run();
    expect(store.epochValue).toBe('epoch-0001');
    expect(server.received[0]?.entries.map((x) => x.seq)).toEqual([1, 2]);
    expect(store.pushed).toBe(2);
  });

  it('resends from the server\'s mark when the server is behind ours', async () => {
    for (let i = 0; i < 5; i += 1) store.add({ i });
    store.pushed = 3;
    server.applied.set('epoch-0000', 1);
    await engine().run();
    expect(server.received.map((p) => p.entries[0]?.seq)).toEqual([4, 2]);
    expect(store.pushed).toBe(5);
  });

  it('marks every page of a first read as a full read, and reads everything again after a reset', async () => {
    const e = engine();
    await e.run();
    expect(server.pulls[0]).toMatchObject({ cursor: '0', fullRead: true });
    store.centre.set('notices/stale', { id: 'stale' });
    server.resetNext = true;
    await e.run();
    expect(server.pulls[1]).toMatchObject({ cursor: '1' });
    expect(server.pulls[1]).not.toHaveProperty('fullRead');
    expect(server.pulls[2]).toMatchObject({ cursor: '0', fullRead: true });
    expect(store.centre.has('notices/stale')).toBe(false);
    expect(store.centre.get('notices/n1')).toEqual({ id: 'n1' });
    expect(e.getState().firstPullDone).toBe(true);
  });

  it('does nothing but say so before the station is enrolled', async () => {
    store.creds = null;
    store.add({ a: 1 });
    const e = engine();
    await e.run();
    expect(e.getState()).toMatchObject({ phase: 'not-enrolled', waiting: 1, enrolledAs: null });
    expect(server.received).toHaveLength(0);
    expect(server.enrolments).toHaveLength(0);
  });

  it('enrols with the configured code in its first round, then syncs as the station it was enrolled as', async () => {
    store.creds = null;
    store.add({ a: 1 });
    const e = engine({ enrolmentCode: 'CODE-2026-01' });
    await e.run();
    expect(server.enrolments).toEqual(['CODE-2026-01']);
    expect(store.creds).toEqual({ stationId: 'station-from-code', token: 'token-1' });
    expect(server.received.map((p) => p.stationId)).toEqual(['station-from-code']);
    expect(e.getState()).toMatchObject({ phase: 'idle', waiting: 0, enrolledAs: 'station-from-code' });
    // Enrolled: the one-time code is never sent again.
    await e.run();
    expect(server.enrolments).toHaveLength(1);
  });

  it('says which install it is with every enrolment, the same each time, so a retry after a lost answer is recognised', async () => {
    store.creds = null;
    server.failures.push(new SyncCallError('network', null, 'the answer was lost'));
    const e = engine({ enrolmentCode: 'CODE-2026-01' });
    await e.run();
    expect(e.getState().enrolledAs).toBeNull();
    await e.retryNow();
    await e.enrol('CODE-2026-02');
    expect(server.enrolledInstalls).toEqual([await store.installId(), await store.installId()]);
    expect(server.enrolledInstalls[0]).toMatch(/^[A-Za-z0-9_-]{22,64}$/);
  });

  it('keeps trying to enrol, with backoff, while the centre cannot be reached', async () => {
    vi.useFakeTimers();
    store.creds = null;
    server.failures.push(new SyncCallError('network', null, 'no route to host'));
    const e = engine({ enrolmentCode: 'CODE-2026-01' });
    e.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(e.getState()).toMatchObject({ phase: 'unreachable', enrolledAs: null });
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(server.enrolments).toEqual(['CODE-2026-01']);
    expect(e.getState()).toMatchObject({ phase: 'idle', enrolledAs: 'station-from-code' });
    e.stop();
  });

  it('offers a refused code again only every 15 minutes, says why, and enrols at once with a technician\'s new one', async () => {
    vi.useFakeTimers();
    store.creds = null;
    server.failures.push(new SyncCallError('enrolment-refused', 403, 'the enrolment code is unknown, already used or expired'));
    const e = engine({ enrolmentCode: 'USED-CODE-01' });
    e.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(e.getState()).toMatchObject({ phase: 'not-enrolled', enrolledAs: null });
    expect(e.getState().lastError).toMatch(/^enrolment-refused/);
    await vi.advanceTimersByTimeAsync(14 * 60_000);
    expect(server.enrolments).toHaveLength(0);
    // The technician types a new code: enrolled at once, and the engine syncs.
    await expect(e.enrol('NEW-CODE-02')).resolves.toBe('station-from-code');
    await vi.advanceTimersByTimeAsync(1);
    expect(e.getState()).toMatchObject({ phase: 'idle', enrolledAs: 'station-from-code' });
    e.stop();
  });

  it('drops its backoff when the network returns only if the server really answers', async () => {
    vi.useFakeTimers();
    store.add({ a: 1 });
    server.failures.push(new SyncCallError('network', null, 'down'));
    const e = engine({ online: () => false });
    e.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(e.getState().phase).toBe('offline');
    server.probe = async () => false;
    await e.networkChanged();
    expect(store.pushed).toBe(0);
    server.probe = async () => true;
    await e.networkChanged();
    expect(store.pushed).toBe(1);
    e.stop();
  });

  it('lets a round in flight finish before a technician\'s code, so the technician\'s enrolment is the one kept', async () => {
    store.creds = null;
    const gate: { release?: () => void } = {};
    const slow = (async (name: MessageName, body: unknown) => {
      if (name === 'enrol' && (body as { code: string }).code === 'CONFIGURED-01') await new Promise<void>((r) => (gate.release = r));
      return server.call(name, body as never);
    }) as Transport['call'];
    const e = engine({ enrolmentCode: 'CONFIGURED-01', transport: { call: slow, probe: async () => true } });
    const round = e.run();
    await vi.waitFor(() => expect(gate.release).toBeDefined());
    const typed = e.enrol('TYPED-CODE-02');
    gate.release?.();
    await round;
    await typed;
    expect(server.enrolments).toEqual(['CONFIGURED-01', 'TYPED-CODE-02']);
    expect((await store.credentials())?.token).toBe('token-2');
  });

  it('looks again soon when another engine holds the tablet\'s lock, instead of never', async () => {
    vi.useFakeTimers();
    store.add({ a: 1 });
    let held = true;
    const e = engine({ withLock: async (task) => (held ? undefined : task()) });
    e.start();
    await vi.advanceTimersByTimeAsync(1);
    expect(server.received).toHaveLength(0);
    expect(e.getState().nextAttemptAt).not.toBeNull();
    held = false;
    await vi.advanceTimersByTimeAsync(2_500);
    expect(store.pushed).toBe(1);
    e.stop();
  });

  it('runs one round at a time', async () => {
    store.add({ a: 1 });
    const e = engine();
    await Promise.all([e.run(), e.run(), e.run()]);
    expect(server.received).toHaveLength(1);
  });
});
