export { isSynced, type SyncPhase, type SyncState } from './state.ts';
import { isLostRace } from '../protocol/lost-race.ts';
import { jsonBytes, PUSH_BATCH_BYTES } from '../protocol/limits.ts';
import { RECORD_SCHEMA_VERSION } from '../protocol/records.ts';
import { MAX_PUSH_ENTRIES, type HeartbeatRequest } from '../protocol/wire.ts';
import { type BackoffPolicy, defaultBackoff, fullJitterDelay } from './backoff.ts';
import { initialSyncState, type SyncState } from './state.ts';
import type { StorageReading } from './storage-trend.ts';
import type { SyncStore } from './store.ts';
import { SyncCallError, type Transport } from './transport.ts';

export interface EngineOptions {
  store: SyncStore;
  transport: Transport;
  appVersion: string;
  /** The most a push body may weigh, in UTF-8 bytes of its JSON (the server refuses heavier ones with 413). */
  maxBatchBytes?: number;
  maxBatchEntries?: number;
  pullLimit?: number;
  intervalMs?: number;
  backoff?: BackoffPolicy;
  random?: () => number;
  now?: () => number;
  /** The tablet's storage for the heartbeat, with its trend where the kiosk keeps samples. */
  storage?: () => Promise<StorageReading>;
  /**
   * Whether the tablet has a network link (navigator.onLine): a call that gets no answer then means the centre
   * is unreachable, without one the tablet is offline. Without this, every call that gets no answer counts as
   * the centre being unreachable: all the engine knows.
   */
  online?: () => boolean;
  /** Runs `task` while holding the tablet-wide sync lock, or not at all if another engine holds it. */
  withLock?: (task: () => Promise<void>) => Promise<void>;
  /**
   * The station config's one-time code: a station without credentials enrols with it in its next round, and
   * keeps trying (with backoff) while the centre cannot be reached.
   */
  enrolmentCode?: string | null;
}

type Listener = (state: SyncState) => void;

const LOCK_RETRY_MS = 2_000;

/**
 * Drains the outbox and pulls the centre's changes, one round at a time. Rounds are triggered by a write, an
 * interval, the network coming back, or a technician; failures back off with full jitter and honour Retry-After.
 */
export class SyncEngine {
  private state: SyncState = initialSyncState;
  private listeners = new Set<Listener>();
  private timer: ReturnType<typeof setTimeout> | undefined;
  private running: Promise<void> | null = null;
  private failures = 0;
  private stopped = true;
  /**
   * What a push may hold: the options' limits until the server refuses a batch as too large (a proxy's cap
   * below ours), then half of that batch, and so on down to one record. Kept for the engine's life.
   */
  private batchLimit: { entries: number; bytes: number };
  private readonly o: Required<Omit<EngineOptions, 'storage' | 'enrolmentCode' | 'online'>> & Pick<EngineOptions, 'storage' | 'enrolmentCode' | 'online'>;

  constructor(options: EngineOptions) {
    this.o = {
      maxBatchBytes: PUSH_BATCH_BYTES,
      maxBatchEntries: MAX_PUSH_ENTRIES,
      pullLimit: 500,
      intervalMs: 30_000,
      backoff: defaultBackoff,
      random: Math.random,
      now: Date.now,
      withLock: (task) => task(),
      ...options,
    };
    this.batchLimit = { entries: this.o.maxBatchEntries, bytes: this.o.maxBatchBytes };
  }

  getState(): SyncState {
    return this.state;
  }

  subscribe(listener: Listener): () => void {
    this.listeners.add(listener);
    listener(this.state);
    return () => this.listeners.delete(listener);
  }

  start(): void {
    this.stopped = false;
    this.schedule(0);
  }

  stop(): void {
    this.stopped = true;
    clearTimeout(this.timer);
  }

  /** A new record was written: sync soon, unless the server asked us to wait or we are backing off. */
  nudge(): void {
    // Count the new record as waiting at once, not when the next round starts: until then the kiosk would still
    // say "synced" with a record waiting.
    void this.o.store.waitingCount().then(
      (waiting) => waiting !== this.state.waiting && this.set({ waiting }),
      () => undefined,
    );
    if (this.stopped || this.failures > 0) return;
    this.schedule(500);
  }

  /**
   * The browser says the network is back. navigator.onLine only knows the local link, so ask the server itself
   * (a cheap GET /healthz) before dropping the backoff: a tablet on a captive Wi-Fi must not hammer the centre.
   */
  async networkChanged(): Promise<void> {
    if (this.stopped || !(await this.o.transport.probe())) return;
    await this.retryNow();
  }

  /** The network came back (or a technician pressed "sync now"): forget the backoff and try at once. */
  retryNow(): Promise<void> {
    this.failures = 0;
    clearTimeout(this.timer);
    return this.run();
  }

  /**
   * Enrols with a code a technician typed in (re-enrolment replaces the token), then syncs at once. Resolves
   * with the station the centre enrolled us as; rejects with the server's reason.
   */
  async enrol(code: string): Promise<string> {
    // After a round in flight: it may be enrolling with the configured code, and the technician's must win.
    await this.running?.catch(() => undefined);
    const { stationId } = await this.enrolWith(code);
    if (!this.stopped) void this.retryNow();
    return stationId;
  }

  private async enrolWith(code: string) {
    // The install id lets a retry after a lost answer get the same token instead of a refusal (a spent code).
    const answer = await this.o.transport.call('enrol', { code, appVersion: this.o.appVersion, installId: await this.o.store.installId() });
    const credentials = { stationId: answer.stationId, token: answer.token };
    await this.o.store.setCredentials(credentials);
    this.set({ enrolledAs: credentials.stationId });
    return credentials;
  }

  /**
   * A technician has seen the records the centre refused (diagnostics lists them) and told the centre: they no
   * longer keep the kiosk from saying it is in sync. They stay on the tablet, and at the centre.
   */
  async acknowledgeDeadLetters(): Promise<void> {
    await this.o.store.acknowledgeDeadLetters(new Date(this.o.now()));
    this.set({ deadLetters: await this.o.store.openDeadLetters() });
  }

  /** One full round: push everything waiting, pull everything new, report a heartbeat. */
  run(): Promise<void> {
    this.running ??= (async () => {
      let ran = false;
      await this.o.withLock(async () => {
        ran = true;
        await this.round();
      });
      // Another engine holds the tablet's lock (an old one finishing its round, a second window): only a round
      // schedules the next, so look again soon rather than never.
      if (!ran) this.schedule(LOCK_RETRY_MS);
    })().finally(() => {
      this.running = null;
    });
    return this.running;
  }

  private schedule(delayMs: number): void {
    clearTimeout(this.timer);
    if (this.stopped) return;
    this.set({ nextAttemptAt: this.o.now() + delayMs });
    this.timer = setTimeout(() => void this.run(), delayMs);
  }

  private set(patch: Partial<SyncState>): void {
    this.state = { ...this.state, ...patch };
    for (const listener of this.listeners) listener(this.state);
  }

  private async round(): Promise<void> {
    const { store } = this.o;
    try {
      // Inside the try: the credential lives in the shell's vault, and a failing bridge is a failed round.
      let credentials = await store.credentials();
      const cursor = await store.cursor();
      this.set({ waiting: await store.waitingCount(), firstPullDone: cursor.complete, enrolledAs: credentials?.stationId ?? null, deadLetters: await store.openDeadLetters() });
      const code = this.o.enrolmentCode;
      if (!credentials && !code) {
        // Nothing to enrol with: a technician's setup (or enrol) starts the engine again.
        this.set({ phase: 'not-enrolled' });
        return;
      }
      this.set({ phase: 'syncing' });
      credentials ??= await this.enrolWith(code!);
      await this.push(credentials.stationId);
      await this.pull(credentials.stationId);
      await this.heartbeat(credentials.stationId);
      await store.purgePersonal(new Date(this.o.now()));
      await store.pruneOutbox(new Date(this.o.now()));
      this.failures = 0;
      this.set({ phase: 'idle', lastSuccessAt: new Date(this.o.now()).toISOString(), lastError: null, waiting: await store.waitingCount() });
      this.schedule(this.o.intervalMs);
    } catch (error) {
      await this.fail(error);
    }
  }

  private async fail(error: unknown): Promise<void> {
    const e = error instanceof SyncCallError ? error : new SyncCallError('bad-response', null, String(error));
    const waiting = await this.o.store.waitingCount();
    if (e.code === 'update-required') {
      // The kiosk keeps its outbox and checks back rarely: only a technician's update can help.
      this.set({ phase: 'update-required', lastError: e.message, waiting });
      this.schedule(60 * 60_000);
      return;
    }
    if (e.code === 'enrolment-refused') {
      // The code is wrong, used or expired: only a technician's new code helps; look again now and then.
      this.set({ phase: 'not-enrolled', lastError: `${e.code}: ${e.message}`, waiting });
      this.schedule(15 * 60_000);
      return;
    }
    if (e.code === 'unauthorized' || e.code === 'forbidden') {
      this.set({ phase: 'unauthorized', lastError: e.message, waiting });
      this.schedule(15 * 60_000);
      return;
    }
    this.failures += 1;
    const delay = Math.max(fullJitterDelay(this.failures, this.o.backoff, this.o.random), e.retryAfterMs ?? 0);
    this.set({ phase: this.phaseAfter(e), lastError: `${e.code}: ${e.message}`, waiting });
    this.schedule(delay);
  }

  /** Which of the transient failures it was: no network, no answer from the centre, or the centre's own trouble. */
  private phaseAfter(error: SyncCallError): 'offline' | 'unreachable' | 'retrying' {
    if (error.code === 'gateway') return 'unreachable';
    if (error.code !== 'network' && error.code !== 'timeout') return 'retrying';
    return this.o.online?.() === false ? 'offline' : 'unreachable';
  }

  private async push(stationId: string): Promise<void> {
    const { store, transport } = this.o;
    // The marks are read once a round and then followed from the acknowledgements: per batch they cost more
    // than the batch's own read (waitingCount alone counted the whole outbox each time).
    let epoch = await store.epoch();
    let pushed = await store.pushedSeq();
    let waiting = this.state.waiting;
    let next = store.readOutbox(pushed, this.batchLimit.entries);
    const discard = (pending: Promise<unknown>) => void pending.catch(() => undefined);
    for (;;) {
      const items = await next;
      if (items.length === 0) return;
      if (items[0]!.seq > pushed + 1) {
        // The server wants seq pushed + 1, and the outbox has pruned it (a centre restored from a backup older
        // than our retention): those records cannot be sent again. Start a new epoch over what is still held.
        await store.renewEpoch();
        epoch = await store.epoch();
        waiting = await store.waitingCount();
        pushed = 0;
        next = store.readOutbox(0, this.batchLimit.entries);
        continue;
      }
      const envelope = { stationId, epoch, schemaVersion: RECORD_SCHEMA_VERSION };
      const entries = [];
      // Weighed as the wire carries it: the body's JSON in UTF-8, each entry and the comma before the next.
      let bytes = jsonBytes({ ...envelope, entries: [] });
      for (const item of items.slice(0, this.batchLimit.entries)) {
        const size = jsonBytes(item) + 1;
        if (entries.length > 0 && bytes + size > this.batchLimit.bytes) break;
        entries.push(item);
        bytes += size;
      }
      const last = entries[entries.length - 1]!.seq;
      // The next batch is read while this one is on the wire: when the server applies all of it, as it nearly
      // always does, the next push is ready.
      next = store.readOutbox(last, this.batchLimit.entries);
      let ack;
      const sentAt = this.o.now();
      try {
        ack = await transport.call('push', { ...envelope, entries });
      } catch (error) {
        discard(next);
        if (error instanceof SyncCallError && error.code === 'outbox-diverged') {
          // Our history under this epoch no longer matches the server's (a restored tablet): start a new epoch and
          // push everything again; the server recognises records it already has by id.
          await store.renewEpoch();
          epoch = await store.epoch();
          waiting = await store.waitingCount();
          pushed = 0;
          next = store.readOutbox(0, this.batchLimit.entries);
          continue;
        }
        if (error instanceof SyncCallError && error.code === 'payload-too-large' && entries.length > 1) {
          // Something on the way takes less than we send: halve the batch and send again, at once.
          this.batchLimit = { entries: Math.ceil(entries.length / 2), bytes: Math.ceil(bytes / 2) };
          next = store.readOutbox(pushed, this.batchLimit.entries);
          continue;
        }
        throw error;
      }
      await this.measureClock(sentAt, ack.serverTime);
      if (ack.deadLetters.length > 0) {
        const sent = new Map(entries.map((entry) => [entry.seq, entry.record]));
        await store.saveDeadLetters(ack.deadLetters.map((dead) => ({ ...dead, lostRace: isLostRace(dead, sent.get(dead.seq)) })));
        this.set({ deadLetters: await store.openDeadLetters() });
      }
      await store.setPushedSeq(ack.appliedSeq);
      waiting = Math.max(0, waiting - (ack.appliedSeq - pushed));
      this.set({ waiting });
      // Below our mark (the server lost what it had applied), or short of the batch: resend from its mark. No
      // progress at all would loop for ever, so it counts as a failure and backs off.
      if (ack.appliedSeq === pushed) {
        discard(next);
        throw new SyncCallError('bad-response', 200, `server applied nothing after seq ${pushed}`);
      }
      if (ack.appliedSeq !== last) {
        discard(next);
        next = store.readOutbox(ack.appliedSeq, this.batchLimit.entries);
      }
      pushed = ack.appliedSeq;
    }
  }

  private async pull(stationId: string): Promise<void> {
    const { store, transport } = this.o;
    let resets = 0;
    for (;;) {
      const { cursor, complete } = await store.cursor();
      const sentAt = this.o.now();
      // Until one read from "0" has completed, every page says so: its cursors may lie below the tombstone
      // horizon without being stale, since the kiosk holds nothing whose deletion it could have missed.
      const answer = await transport.call('pull', { stationId, cursor, limit: this.o.pullLimit, ...(complete ? {} : { fullRead: true }) });
      await this.measureClock(sentAt, answer.serverTime);
      if (answer.reset) {
        resets += 1;
        if (resets > 2) throw new SyncCallError('bad-response', 200, 'the server keeps answering reset');
        await store.applyPull([], '0', { reset: true, complete: false });
        this.set({ firstPullDone: false });
        continue;
      }
      // The first page of a read from "0" replaces whatever centre data the kiosk holds (the shipped demo catalogue
      // every kiosk starts on), in the same transaction: a full read assumes a kiosk that holds nothing else.
      const startsOver = !complete && cursor === '0';
      await store.applyPull(answer.changes, answer.cursor, { reset: startsOver, complete: !answer.hasMore });
      if (!answer.hasMore) {
        this.set({ firstPullDone: true });
        return;
      }
    }
  }

  private async heartbeat(stationId: string): Promise<void> {
    const storage: StorageReading = (await this.o.storage?.()) ?? { used: null, quota: null };
    this.set({ storage });
    const sentAt = this.o.now();
    const body: HeartbeatRequest = {
      stationId,
      appVersion: this.o.appVersion,
      recordsWaiting: await this.o.store.waitingCount(),
      storageUsed: storage.used,
      storageQuota: storage.quota,
      ...(storage.growthPerDay === undefined ? {} : { storageGrowthPerDay: storage.growthPerDay }),
      lastError: this.state.lastError?.slice(0, 500) ?? null,
      clockOffsetMs: this.state.clockOffsetMs,
      deadLetters: this.state.deadLetters,
      sentAt: new Date(sentAt).toISOString(),
    };
    const answer = await this.o.transport.call('heartbeat', body);
    await this.measureClock(sentAt, answer.serverTime);
  }

  /**
   * The tablet's clock against the server's, from any answer that carries the server's time: at every push, pull
   * and heartbeat, so records made after a sync are flagged by the offset that sync found (commit.ts).
   */
  private async measureClock(sentAt: number, serverTime: string | undefined): Promise<void> {
    if (serverTime === undefined) return;
    // The server stamped its time somewhere in the round trip: assume the middle.
    const clockOffsetMs = Math.round((sentAt + this.o.now()) / 2 - Date.parse(serverTime));
    this.set({ clockOffsetMs });
    await this.o.store.setClockOffset(clockOffsetMs);
  }
}
