import { type ChildProcess, spawn } from 'node:child_process';
import { createInterface } from 'node:readline';

/**
 * A helper process that prints one JSON line when it is ready and then answers one-line commands on stdin with
 * one JSON line each (server-child.ts, peer-child.mjs). Closing its stdin (which also happens when this process
 * dies, however it dies) makes it shut down and clean up after itself.
 */
export interface Child<Ready> {
  ready: Ready;
  /** Sends a command and waits for its one-line answer. */
  ask<T>(command: string): Promise<T>;
  /** Asks it to stop and waits until it has (10 s, then SIGKILL). */
  close(): Promise<void>;
}

const live = new Set<ChildProcess>();
process.once('exit', () => {
  for (const child of live) child.kill('SIGTERM');
});

export const startChild = async <Ready>(label: string, args: string[], env: Record<string, string>, readyTimeoutMs = 120_000): Promise<Child<Ready>> => {
  const child = spawn(process.execPath, args, { env: { ...process.env, ...env }, stdio: ['pipe', 'pipe', 'inherit'] });
  live.add(child);
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  void exited.then(() => live.delete(child));
  const waiting: ((line: string) => void)[] = [];
  const lines = createInterface({ input: child.stdout! });
  lines.on('line', (line) => {
    const next = waiting.shift();
    if (next) next(line);
    else console.warn(`${label}: ${line}`);
  });
  const nextLine = (timeoutMs: number) =>
    new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`${label}: no answer after ${timeoutMs / 1000} s`)), timeoutMs);
      void exited.then((code) => {
        clearTimeout(timer);
        reject(new Error(`${label} exited (${code})`));
      });
      waiting.push((line) => {
        clearTimeout(timer);
        resolve(line);
      });
    });
  let ready: Ready;
  try {
    ready = JSON.parse(await nextLine(readyTimeoutMs)) as Ready;
  } catch (error) {
    child.kill('SIGTERM');
    throw error;
  }
  return {
    ready,
    async ask<T>(command: string) {
      const answer = nextLine(60_000);
      child.stdin!.write(`${command}\n`);
      const parsed = JSON.parse(await answer) as T & { error?: string };
      if (parsed.error) throw new Error(`${label}: ${parsed.error}`);
      return parsed;
    },
    async close() {
      if (child.exitCode !== null) return;
      child.stdin!.end();
      const timer = setTimeout(() => child.kill('SIGKILL'), 10_000);
      await exited;
      clearTimeout(timer);
    },
  };
};
