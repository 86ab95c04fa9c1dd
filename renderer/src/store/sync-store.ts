import { type CentreCollection, isCentreCollection, parseCentreValue } from '@protocol/centre.ts';
import { newInstallId } from '@protocol/ids.ts';
import { hasPersonalFields, PERSONAL_DEFINITION, withoutPersonalFields } from '@protocol/personal.ts';
import type { KioskRecord } from '@protocol/records.ts';
import { dayKey } from '@protocol/time.ts';
import type { Change } from '@protocol/wire.ts';
import type { Table } from 'dexie';
import type { Credentials, OutboxItem, RefusedRecord, SyncStore } from '../../../sync/client/store.ts';
import type { TokenVault } from '../sync/token-vault.ts';
import { awaitsTechnician, centreTables, kioskTables, tableOfKind, type YizhanDb } from './db.ts';
import { markReflected, pushedSeq, waitingCount } from './outbox.ts';
import { saveClockOffset } from './clock-offset.ts';
import { claimWaitingRecords, ENROLMENT_KEY, type EnrolmentRow, enrolmentTables } from './station-claim.ts';

const KEYS = {
  /** The enrolled station's id; its token lives in the TokenVault. */
  credentials: ENROLMENT_KEY,
  installId: 'sync.installId',
  epoch: 'outbox.epoch',
  pushed: 'outbox.pushedSeq',
  purged: 'outbox.purgedSeq',
  /** Every outbox entry at or below it has been deleted (pruneOutbox). */
  pruned: 'outbox.prunedSeq',
  /** The local seq the current epoch counts from: its seq 1 is the entry just above it. */
  epochBase: 'outbox.epochBase',
  /** The PERSONAL_DEFINITION the purge mark was reached under. */
  purgedDefinition: 'outbox.purgedDefinition',
  cursor: 'sync.cursor',
  complete: 'sync.pullComplete',
} as const;
const DAY_MS = 86_400_000;
/** Entries deleted per transaction: a resident's write never waits long behind a prune. */
const PRUNE_BATCH = 200;

const randomEpoch = (): string => {
  const bytes = crypto.getRandomValues(new Uint8Array(16));
  return btoa(String.fromCharCode(...bytes)).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
};

/**
 * The kiosk's SyncStore on Dexie: the outbox log, its marks, the cursor and the centre-born tables. The
 * station's token is kept apart, in the vault the shell provides.
 */
export class DexieSyncStore implements SyncStore {
  private cachedToken: string | null = null;

  /**
   * `server`: the centre this engine syncs with. A station enrolled at another one (the setup changed while an
   * old round was still enrolling) counts as not enrolled here.
   */
  constructor(
    private readonly db: YizhanDb,
    private readonly vault: TokenVault,
    private readonly server: string | null = null,
  ) {}

  private async meta<T>(key: string): Promise<T | undefined> {
    return (await this.db.meta.get(key))?.value as T | undefined;
  }

  async credentials(): Promise<Credentials | null> {
    const station = await this.meta<EnrolmentRow>(KEYS.credentials);
    if (!station || (station.server && this.server && station.server !== this.server)) return null;
    // Kiosks enrolled before the vault existed kept the token here: move it out, once.
    if (station.token) await this.setCredentials({ stationId: station.stationId, token: station.token });
    // Asked every round (one call to the shell): a token the shell dropped must not live on here.
    this.cachedToken = await this.vault.read();
    return this.cachedToken ? { stationId: station.stationId, token: this.cachedToken } : null;
  }

  /** The token as last read from or written to the vault: the transport's bearer, without a vault call a request. */
  get token(): string | null {
    return this.cachedToken;
  }

  /**
   * Keeps an enrolment: the token in the vault, the station beside the records. In the same transaction, the
   * station claims every record still waiting in the outbox (station-claim.ts): records made before the tablet
   * knew which station it is reach the one it is.
   */
  async setCredentials(credentials: Credentials | null): Promise<void> {
    if (credentials) {
      await this.vault.write(credentials.token);
      const db = this.db;
      const row: EnrolmentRow = { stationId: credentials.stationId, ...(this.server ? { server: this.server } : {}) };
      await db.transaction('rw', enrolmentTables(db), async () => {
        await db.meta.put({ key: KEYS.credentials, value: row });
        await claimWaitingRecords(db, credentials.stationId);
      });
      this.cachedToken = credentials.token;
    } else {
      await this.db.meta.delete(KEYS.credentials);
      await this.vault.clear();
      this.cachedToken = null;
    }
  }

  async installId(): Promise<string> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const existing = await this.meta<string>(KEYS.installId);
      if (existing) return existing;
      const id = newInstallId();
      await this.db.meta.put({ key: KEYS.installId, value: id });
      return id;
    });
  }

  async epoch(): Promise<string> {
    return this.db.transaction('rw', this.db.meta, async () => {
      const existing = await this.meta<string>(KEYS.epoch);
      if (existing) return existing;
      const epoch = randomEpoch();
      await this.db.meta.put({ key: KEYS.epoch, value: epoch });
      return epoch;
    });
  }

  /**
   * The new epoch starts just above the pruned entries: the server wants seq 1, 2, 3 … without gaps, so the
   * engine sees seqs counted from this base, while the log's own keys (and the pushed mark in meta, read by the
   * screens) stay local.
   */
  async renewEpoch(): Promise<void> {
    const db = this.db;
    await db.transaction('rw', db.meta, async () => {
      const base = (await this.meta<number>(KEYS.pruned)) ?? 0;
      await db.meta.bulkPut([
        { key: KEYS.epoch, value: randomEpoch() },
        { key: KEYS.epochBase, value: base },
        { key: KEYS.pushed, value: base },
      ]);
    });
  }

  private async epochBase(): Promise<number> {
    return (await this.meta<number>(KEYS.epochBase)) ?? 0;
  }

  async pushedSeq(): Promise<number> {
    return (await pushedSeq(this.db)) - (await this.epochBase());
  }

  async setPushedSeq(seq: number): Promise<void> {
    await this.db.meta.put({ key: KEYS.pushed, value: seq + (await this.epochBase()) });
  }

  setClockOffset(offsetMs: number): Promise<void> {
    return saveClockOffset(this.db, offsetMs);
  }

  async readOutbox(afterSeq: number, limit: number): Promise<OutboxItem[]> {
    const base = await this.epochBase();
    const entries = await this.db.outbox.where('seq').above(afterSeq + base).limit(limit).toArray();
    return entries.map((e) => ({ seq: e.seq! - base, record: e.record }));
  }

  waitingCount(): Promise<number> {
    return waitingCount(this.db);
  }

  async cursor(): Promise<{ cursor: string; complete: boolean }> {
    return { cursor: (await this.meta<string>(KEYS.cursor)) ?? '0', complete: (await this.meta<boolean>(KEYS.complete)) ?? false };
  }

  private tableFor(collection: CentreCollection): Table<unknown, string> {
    const db = this.db;
    const tables = {
      settings: db.settings,
      categories: db.categories,
      services: db.services,
      bills: db.bills,
      units: db.units,
      members: db.members,
      shifts: db.shifts,
      notices: db.notices,
      amenities: db.amenities,
      'request-events': db.requestEvents,
      'request-status': db.requestStatus,
      'member-credentials': db.memberCredentials,
    } satisfies Record<CentreCollection, unknown>;
    return tables[collection] as unknown as Table<unknown, string>;
  }

  async applyPull(changes: readonly Change[], cursor: string, options: { reset: boolean; complete: boolean }): Promise<void> {
    const db = this.db;
    await db.transaction('rw', [...centreTables(db), db.requestEvents, db.requestStatus, db.memberCredentials, db.meta], async () => {
      if (options.reset) await Promise.all([...centreTables(db), db.requestStatus, db.memberCredentials].map((t) => t.clear()));
      for (const change of changes) {
        // A collection a newer centre publishes and this version has no table for (wire.ts laterName).
        if (!isCentreCollection(change.collection)) continue;
        const table = this.tableFor(change.collection);
        if (change.op === 'delete') {
          await table.delete(change.id);
          continue;
        }
        const parsed = parseCentreValue(change.collection, change.value);
        // A value this version cannot read is skipped, not fatal: the rest of the catalogue still arrives.
        if (!parsed.success) {
          console.warn(`sync: skipped ${change.collection}/${change.id}`, parsed.error.message);
          continue;
        }
        const value = change.collection === 'request-events' ? { ...(parsed.data as object), day: dayKey(new Date((parsed.data as { at: string }).at)) } : parsed.data;
        await table.put(value);
      }
      await db.meta.put({ key: KEYS.cursor, value: cursor });
      if (options.reset || options.complete) await db.meta.put({ key: KEYS.complete, value: options.complete });
      if (options.complete) await markReflected(db);
    });
  }

  async saveDeadLetters(deadLetters: readonly RefusedRecord[]): Promise<void> {
    const at = new Date().toISOString();
    await this.db.deadLetters.bulkPut(deadLetters.map((d) => ({ ...d, at })));
  }

  async openDeadLetters(): Promise<number> {
    return this.db.deadLetters.filter(awaitsTechnician).count();
  }

  async acknowledgeDeadLetters(at: Date): Promise<void> {
    await this.db.deadLetters.filter((dead) => dead.acknowledgedAt === undefined).modify({ acknowledgedAt: at.toISOString() });
  }

  /**
   * Personal fields leave the tablet once the server acknowledged the record and the station's retention has
   * passed. Walks the acknowledged outbox from the purge mark; the mark advances over the prefix that is done,
   * so a record dated in the future by a clock that ran ahead holds the mark but never the purge of later ones.
   * A mark reached under an older definition of personal counts for nothing: the walk starts again from the
   * first record.
   */
  async purgePersonal(now: Date): Promise<number> {
    const db = this.db;
    const station = await db.settings.toCollection().first();
    if (!station) return 0;
    const cutoff = now.getTime() - station.retentionDays * DAY_MS;
    return db.transaction('rw', [db.outbox, db.meta, ...kioskTables(db)], async () => {
      const pushed = await pushedSeq(db);
      const current = (await this.meta<number>(KEYS.purgedDefinition)) === PERSONAL_DEFINITION;
      const from = current ? ((await this.meta<number>(KEYS.purged)) ?? 0) : 0;
      let purged = 0;
      let mark = from;
      let prefixDone = true;
      const entries = await db.outbox.where('seq').between(from, pushed, false, true).toArray();
      for (const entry of entries) {
        const due = Date.parse(entry.record.at) <= cutoff;
        if (!due || !hasPersonalFields(entry.record)) {
          if (!due && hasPersonalFields(entry.record)) prefixDone = false;
          if (prefixDone) mark = entry.seq!;
          continue;
        }
        await db.outbox.put({ ...entry, record: withoutPersonalFields(entry.record) as KioskRecord });
        const table = tableOfKind(db, entry.kind);
        const row = await table.get(entry.id);
        if (row) await table.put(withoutPersonalFields(row));
        purged += 1;
        if (prefixDone) mark = entry.seq!;
      }
      await db.meta.bulkPut([
        { key: KEYS.purged, value: mark },
        { key: KEYS.purgedDefinition, value: PERSONAL_DEFINITION },
      ]);
      return purged;
    });
  }

  /**
   * Acknowledged entries older than the station's retention leave the log, oldest first, as range deletes above
   * the pruned mark. Only below the personal purge's mark (reached under the current definition): an entry goes
   * only once its record's personal fields are gone from the tables too. An entry stamped in the future (a clock
   * that ran ahead) neither stops the walk nor is judged by its stamp: its place in the log says it is older than
   * any due entry after it, and it goes with them.
   */
  async pruneOutbox(now: Date): Promise<number> {
    const station = await this.db.settings.toCollection().first();
    if (!station) return 0;
    const cutoff = now.getTime() - station.retentionDays * DAY_MS;
    let pruned = 0;
    for (;;) {
      const batch = await this.pruneBatch(cutoff, now.getTime());
      pruned += batch.deleted;
      if (!batch.more) return pruned;
    }
  }

  private pruneBatch(cutoff: number, now: number): Promise<{ deleted: number; more: boolean }> {
    const db = this.db;
    return db.transaction('rw', [db.outbox, db.meta], async () => {
      if ((await this.meta<number>(KEYS.purgedDefinition)) !== PERSONAL_DEFINITION) return { deleted: 0, more: false };
      const limit = Math.min(await pushedSeq(db), (await this.meta<number>(KEYS.purged)) ?? 0);
      const from = (await this.meta<number>(KEYS.pruned)) ?? 0;
      const entries = await db.outbox.where('seq').between(from, limit, false, true).limit(PRUNE_BATCH).toArray();
      let upTo = from;
      let reachedYoung = false;
      for (const entry of entries) {
        const at = Date.parse(entry.record.at);
        if (at <= cutoff) upTo = entry.seq!;
        else if (at <= now) {
          reachedYoung = true;
          break;
        }
      }
      if (upTo === from) return { deleted: 0, more: false };
      const deleted = await db.outbox.where('seq').between(from, upTo, false, true).delete();
      await db.meta.put({ key: KEYS.pruned, value: upTo });
      return { deleted, more: !reachedYoung && entries.length === PRUNE_BATCH };
    });
  }
}
