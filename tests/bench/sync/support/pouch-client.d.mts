/** The local PouchDB database (opaque to the bench). */
export interface LocalDatabase {
  readonly name: string;
}

export function localDatabase(name: string, records: readonly { id: string }[]): Promise<LocalDatabase>;

export function replicate(local: LocalDatabase, remoteUrl: string, batchSize: number): Promise<{ ms: number; docsWritten: number; batches: number[] }>;

export function destroy(db: LocalDatabase): Promise<void>;
