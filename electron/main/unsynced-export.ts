import { join } from 'node:path';
import { BridgeError, type ExportedFile, type UnsyncedExport } from '../common/bridge.ts';
import { fileStamp, pruneFiles, writeFileAtomic } from './files.ts';

export interface ExportRequestsOptions {
  /** Sends `export:request` to the renderer; false when there is no renderer to ask. */
  send: (requestId: string) => boolean;
  newId: () => string;
  timeoutMs?: number;
}

/**
 * The shell cannot read IndexedDB itself: it asks the renderer (event `export:request`) and the renderer
 * answers with the outbox above the pushed mark (`export:deliver`). One pending request per id, with a timeout.
 */
export class ExportRequests {
  private readonly pending = new Map<string, { resolve(data: UnsyncedExport): void; timer: ReturnType<typeof setTimeout> }>();

  constructor(private readonly options: ExportRequestsOptions) {}

  request(): Promise<UnsyncedExport> {
    const requestId = this.options.newId();
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => {
        this.pending.delete(requestId);
        reject(new BridgeError('unavailable', 'the renderer did not deliver the unsynced records in time'));
      }, this.options.timeoutMs ?? 30_000);
      this.pending.set(requestId, { resolve, timer });
      if (!this.options.send(requestId)) {
        clearTimeout(timer);
        this.pending.delete(requestId);
        reject(new BridgeError('unavailable', 'no renderer to ask for the unsynced records'));
      }
    });
  }

  deliver(requestId: string, data: UnsyncedExport): void {
    const waiting = this.pending.get(requestId);
    if (!waiting) throw new BridgeError('invalid-request', 'no export was requested with this id');
    this.pending.delete(requestId);
    clearTimeout(waiting.timer);
    waiting.resolve(data);
  }
}

export const EXPORT_PREFIX = 'unsynced-';

/** Writes the export durably to userData/exports/unsynced-<time>.json and keeps the newest 30 of them. */
export const writeUnsyncedExport = (dir: string, data: UnsyncedExport, now: Date): ExportedFile => {
  const fileName = `${EXPORT_PREFIX}${data.stationId ?? 'station'}-${fileStamp(now)}.json`;
  const path = join(dir, fileName);
  const text = `${JSON.stringify(data, null, 1)}\n`;
  writeFileAtomic(path, text, 0o600);
  pruneFiles(dir, EXPORT_PREFIX, 30);
  return { fileName, path, bytes: Buffer.byteLength(text), count: data.records.length };
};
