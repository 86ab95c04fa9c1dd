import { appendFileSync, mkdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { join } from 'node:path';

export type Level = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  debug(message: string): void;
  info(message: string): void;
  warn(message: string): void;
  error(message: string): void;
}

export interface RotatingLogOptions {
  dir: string;
  /** A file is rotated when it would grow past this. */
  maxBytes?: number;
  /** Rotated files kept besides the current one: kiosk.log.1 … kiosk.log.N. */
  keep?: number;
  /** Lines kept in memory for diagnostics. */
  recentLines?: number;
  now?: () => Date;
  /** Also print (development). */
  echo?: (line: string) => void;
}

/**
 * The shell's log: one line per event in userData/logs/kiosk.log, rotated by size, the last lines also kept
 * in memory for the diagnostics screen. No personal data is ever logged here: only the shell's own events.
 * A write that fails (disk full) is dropped, never thrown: logging must not take the kiosk down.
 */
export class RotatingLog implements Logger {
  readonly file: string;
  private readonly maxBytes: number;
  private readonly keep: number;
  private readonly recentMax: number;
  private readonly now: () => Date;
  private readonly echo: ((line: string) => void) | undefined;
  private readonly ring: string[] = [];
  private size = -1;

  constructor(options: RotatingLogOptions) {
    this.file = join(options.dir, 'kiosk.log');
    this.maxBytes = options.maxBytes ?? 1_000_000;
    this.keep = options.keep ?? 5;
    this.recentMax = options.recentLines ?? 500;
    this.now = options.now ?? (() => new Date());
    this.echo = options.echo;
    try {
      mkdirSync(options.dir, { recursive: true });
    } catch {
      // reported by the first failed write
    }
  }

  debug = (message: string) => this.write('debug', message);
  info = (message: string) => this.write('info', message);
  warn = (message: string) => this.write('warn', message);
  error = (message: string) => this.write('error', message);

  write(level: Level, message: string): void {
    const text = message.replace(/[\r\n]+/g, ' ⏎ ').slice(0, 2000);
    const line = `${this.now().toISOString()} ${level.toUpperCase().padEnd(5)} ${text}`;
    this.ring.push(line);
    if (this.ring.length > this.recentMax) this.ring.splice(0, this.ring.length - this.recentMax);
    this.echo?.(line);
    const bytes = Buffer.byteLength(line) + 1;
    try {
      if (this.size < 0) this.size = this.currentSize();
      if (this.size > 0 && this.size + bytes > this.maxBytes) this.rotate();
      appendFileSync(this.file, `${line}\n`);
      this.size += bytes;
    } catch {
      this.size = -1;
    }
  }

  /** The last `n` lines, oldest first. */
  recent(n = 100): string[] {
    return this.ring.slice(-n);
  }

  /** Every line still on disk, oldest first (rotated files, then the current one). */
  readAll(): string {
    const parts: string[] = [];
    for (let i = this.keep; i >= 1; i -= 1) parts.push(this.read(`${this.file}.${i}`));
    parts.push(this.read(this.file));
    return parts.join('');
  }

  private read(path: string): string {
    try {
      return readFileSync(path, 'utf8');
    } catch {
      return '';
    }
  }

  private currentSize(): number {
    try {
      return statSync(this.file).size;
    } catch {
      return 0;
    }
  }

  private rotate(): void {
    rmSync(`${this.file}.${this.keep}`, { force: true });
    for (let i = this.keep - 1; i >= 1; i -= 1) {
      try {
        renameSync(`${this.file}.${i}`, `${this.file}.${i + 1}`);
      } catch {
        // that generation does not exist yet
      }
    }
    renameSync(this.file, `${this.file}.1`);
    this.size = 0;
  }
}
