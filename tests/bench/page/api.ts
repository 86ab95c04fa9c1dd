/** What the store bench page exposes as window.bench; every timing is in milliseconds, one per operation. */
export interface BenchApi {
  /**
   * Commits one check-in at a time, rotating through four ways of doing it: the app's commitRecord on its own
   * Dexie schema; the same two adds in a bare Dexie transaction on that schema (no validation, no counter store),
   * to tell Dexie's share from commitRecord's; and a raw IndexedDB two-store transaction with durability 'strict'
   * and 'relaxed' on the same stores and indexes. `warmup` rounds unrecorded, then `rounds` recorded.
   */
  commits(rounds: number, warmup: number): Promise<Record<CommitWay, number[]>>;
  /** Fills the visits table of a fresh database with one year of check-ins ending on `lastDay` (yyyy-mm-dd). */
  seedYear(total: number, lastDay: string): Promise<SeedResult>;
  /** Times today's and this month's statistics at `now` (ISO), rotating through the ways, like commits. */
  stats(rounds: number, warmup: number, now: string): Promise<StatsResult>;
}

export type CommitWay = 'commitRecord' | 'dexieBare' | 'rawStrict' | 'rawRelaxed';
export type StatsWay = 'visitStats' | 'visitStatsByPurpose' | 'toArrayCount';

export interface Counts {
  today: number;
  month: number;
}

export interface SeedResult {
  inserted: number;
  /** Wall time of the bulk insert (raw IndexedDB, relaxed, 25,000 a transaction). */
  ms: number;
  /** What the statistics must answer on the last day: every way is checked against it. */
  expected: Counts;
}

export interface StatsResult {
  samples: Record<StatsWay, number[]>;
  /** What each way answered in its last round. */
  answers: Record<StatsWay, Counts>;
}

export type BenchWindow = Window & { bench: BenchApi; benchReady?: boolean };
