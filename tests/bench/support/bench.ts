import type { Browser } from 'playwright-core';
import type { Row } from './summary.ts';

/** What run-all hands every bench: one browser, the app's production build and the store bench page, served. */
export interface BenchContext {
  browser: Browser;
  /** The app's production build, served on 127.0.0.1. */
  appUrl: string;
  /** The folder of that build, for the size bench. */
  appDir: string;
  /** The store bench page (tests/bench/page), served on 127.0.0.1 (another origin: its own IndexedDB). */
  pageUrl: string;
  log(message: string): void;
}

export interface BenchResult {
  rows: Row[];
  /** Lines printed under the table: what a number means, or a check that it measured the right thing. */
  notes: string[];
  /** Tables of the bench's own shape (the soak's), printed as they are after the main one. */
  tables?: string[];
}

export interface Bench {
  name: string;
  /** Runs only when named on the command line (a long soak), never as part of "all". */
  onlyWhenNamed?: boolean;
  run(ctx: BenchContext): Promise<BenchResult>;
}

/** A positive integer from the environment, or the default. */
export const envInt = (name: string, fallback: number): number => {
  const value = Number(process.env[name]);
  return Number.isInteger(value) && value > 0 ? value : fallback;
};
