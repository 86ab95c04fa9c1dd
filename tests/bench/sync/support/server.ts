import { join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { PROTOCOL_HEADER, PROTOCOL_VERSION } from '../../../../sync/protocol/wire.ts';
import { repoRoot } from '../../support/serve.ts';
import { type Child, startChild } from './child.ts';
import type { ChildConfig } from './server-child.ts';

export interface BenchStation {
  id: string;
  token: string;
}

export interface BenchServer {
  url: string;
  engine: 'sqlite' | 'postgres';
  /** How the storage runs, for the notes. */
  engineInfo: string;
  stations: BenchStation[];
  logLevel: string;
  /** PostgreSQL: the database, for another server process to join (ChildConfig.databaseUrl). */
  databaseUrl: string | null;
  /** The server process's CPU time so far (user + system), its memory and its log's size. */
  usage(): Promise<{ cpuMs: number; rssMb: number; logBytes: number }>;
  /** What the server holds for a station: records and dead letters. */
  count(stationId: string): Promise<{ records: number; deadLetters: number }>;
  close(): Promise<void>;
}

const register = pathToFileURL(join(repoRoot, 'sync/server/register.js')).href;
const childScript = fileURLToPath(new URL('./server-child.ts', import.meta.url));

/** The real server (buildServer + listen on 127.0.0.1:0) in its own Node process; see server-child.ts. */
export const startBenchServer = async (config: ChildConfig): Promise<BenchServer> => {
  const child: Child<{ url: string; engine: 'sqlite' | 'postgres'; engineInfo: string; stations: BenchStation[]; logLevel: string; databaseUrl: string | null }> = await startChild(
    `bench server (${config.engine})`,
    // BENCH_CPU_PROF_DIR=folder: the server writes a V8 CPU profile there when it stops (open it in DevTools).
    [...(process.env.BENCH_CPU_PROF_DIR ? ['--cpu-prof', '--cpu-prof-dir', process.env.BENCH_CPU_PROF_DIR] : []), '--import', register, childScript],
    { BENCH_SERVER: JSON.stringify(config) },
  );
  return {
    ...child.ready,
    usage: () => child.ask('usage'),
    count: (stationId) => child.ask(`count ${stationId}`),
    close: () => child.close(),
  };
};

/** The headers of every protocol call. */
export const protocolHeaders = (token: string): Record<string, string> => ({
  'content-type': 'application/json',
  [PROTOCOL_HEADER]: PROTOCOL_VERSION,
  authorization: `Bearer ${token}`,
});

/** A protocol call with Node's fetch (undici, keep-alive): the parsed answer, or an error with the status and body. */
export const call = async <T>(url: string, path: string, token: string, body: string): Promise<T> => {
  const response = await fetch(`${url}${path}`, { method: 'POST', headers: protocolHeaders(token), body });
  const text = await response.text();
  if (!response.ok) throw new Error(`${path}: HTTP ${response.status} ${text.slice(0, 300)}`);
  return JSON.parse(text) as T;
};
