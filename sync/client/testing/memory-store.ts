import { newInstallId } from '../../protocol/ids.ts';
import type { Change } from '../../protocol/wire.ts';
import type { Credentials, OutboxItem, RefusedRecord, SyncStore } from '../store.ts';

/** The testing implementation of SyncStore: the same contract as the Dexie one, in plain memory. */
export class MemorySyncStore implements SyncStore {
  outbox: OutboxItem[] = [];
  pushed = 0;
  cursorValue = '0';
  complete = false;
  centre = new Map<string, unknown>();
  deadLetters: (RefusedRecord & { acknowledgedAt?: string })[] = [];
  epochValue: string;
  installIdValue = newInstallId();
  retentionDays = 14;
  /** Local seqs: `pushed` is the highest acknowledged, `pruned` the highest deleted; the epoch counts from `base`. */
  private lastSeq = 0;
  private pruned = 0;
  private base = 0;
  private epochs = 0;

  constructor(
    public creds: Credentials | null,
    epoch = 'epoch-0000',
  ) {
    this.epochValue = epoch;
  }

  add(record: unknown): number {
    this.lastSeq += 1;
    const seq = this.lastSeq;
    this.outbox.push({ seq, record });
    return seq;
  }

  async credentials() {
    return this.creds;
  }
  async setCredentials(credentials: Credentials | null) {
    this.creds = credentials;
    if (!credentials) return;
    for (const item of this.outbox) {
      const record = item.record as { stationId?: unknown } | null;
      if (item.seq > this.pushed && typeof record === 'object' && record !== null && 'stationId' in record) item.record = { ...record, stationId: credentials.stationId };
    }
  }
  async installId() {
    return this.installIdValue;
  }
  async epoch() {
    return this.epochValue;
  }
  async renewEpoch() {
    this.epochs += 1;
    this.epochValue = `epoch-${String(this.epochs).padStart(4, '0')}`;
    this.base = this.pruned;
    this.pushed = this.base;
  }
  async pushedSeq() {
    return this.pushed - this.base;
  }
  async setPushedSeq(seq: number) {
    this.pushed = seq + this.base;
  }
  clockOffsetMs: number | null = null;
  async setClockOffset(offsetMs: number) {
    this.clockOffsetMs = offsetMs;
  }
  async readOutbox(afterSeq: number, limit: number) {
    return this.outbox
      .filter((item) => item.seq > afterSeq + this.base)
      .slice(0, limit)
      .map((item) => ({ ...item, seq: item.seq - this.base }));
  }
  async waitingCount() {
    return this.outbox.filter((item) => item.seq > this.pushed).length;
  }
  async cursor() {
    return { cursor: this.cursorValue, complete: this.complete };
  }
  async applyPull(changes: readonly Change[], cursor: string, options: { reset: boolean; complete: boolean }) {
    if (options.reset) {
      this.centre.clear();
      this.complete = false;
    }
    for (const change of changes) {
      const key = `${change.collection}/${change.id}`;
      if (change.op === 'put') this.centre.set(key, change.value);
      else this.centre.delete(key);
    }
    this.cursorValue = cursor;
    this.complete = this.complete || options.complete;
  }
  async saveDeadLetters(deadLetters: readonly RefusedRecord[]) {
    this.deadLetters.push(...deadLetters);
  }
  async openDeadLetters() {
    return this.deadLetters.filter((dead) => !dead.acknowledgedAt && !dead.lostRace).length;
  }
  async acknowledgeDeadLetters(at: Date) {
    for (const dead of this.deadLetters) dead.acknowledgedAt ??= at.toISOString();
  }
  async purgePersonal() {
    return 0;
  }
  /** As the Dexie store, without personal fields to wait for: a record's `at` says its age, its place in the log decides for a future stamp. */
  async pruneOutbox(now: Date) {
    const cutoff = now.getTime() - this.retentionDays * 86_400_000;
    let upTo = this.pruned;
    for (const item of this.outbox) {
      if (item.seq > this.pushed) break;
      const at = Date.parse(String((item.record as { at?: unknown } | null)?.at));
      if (at <= cutoff) upTo = item.seq;
      else if (at <= now.getTime()) break;
    }
    const before = this.outbox.length;
    this.outbox = this.outbox.filter((item) => item.seq > upTo);
    this.pruned = upTo;
    return before - this.outbox.length;
  }
}
