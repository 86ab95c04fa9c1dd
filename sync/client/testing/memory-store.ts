import { newInstallId } from '../../protocol/ids.ts';
import type { AckDeadLetter, Change } from '../../protocol/wire.ts';
import type { Credentials, OutboxItem, SyncStore } from '../store.ts';

/** The testing implementation of SyncStore: the same contract as the Dexie one, in plain memory. */
export class MemorySyncStore implements SyncStore {
  outbox: OutboxItem[] = [];
  pushed = 0;
  cursorValue = '0';
  complete = false;
  centre = new Map<string, unknown>();
  deadLetters: (AckDeadLetter & { acknowledgedAt?: string })[] = [];
  epochValue: string;
  installIdValue = newInstallId();
  private epochs = 0;

  constructor(
    public creds: Credentials | null,
    epoch = 'epoch-0000',
  ) {
    this.epochValue = epoch;
  }

  add(record: unknown): number {
    const seq = this.outbox.length + 1;
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
    this.pushed = 0;
  }
  async pushedSeq() {
    return this.pushed;
  }
  async setPushedSeq(seq: number) {
    this.pushed = seq;
  }
  clockOffsetMs: number | null = null;
  async setClockOffset(offsetMs: number) {
    this.clockOffsetMs = offsetMs;
  }
  async readOutbox(afterSeq: number, limit: number) {
    return this.outbox.filter((item) => item.seq > afterSeq).slice(0, limit);
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
  async saveDeadLetters(deadLetters: readonly AckDeadLetter[]) {
    this.deadLetters.push(...deadLetters);
  }
  async openDeadLetters() {
    return this.deadLetters.filter((dead) => !dead.acknowledgedAt).length;
  }
  async acknowledgeDeadLetters(at: Date) {
    for (const dead of this.deadLetters) dead.acknowledgedAt ??= at.toISOString();
  }
  async purgePersonal() {
    return 0;
  }
}
