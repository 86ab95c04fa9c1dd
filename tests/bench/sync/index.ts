import { syncDrain } from './drain.ts';
import { syncIngest } from './ingest.ts';
import { syncLoad } from './load.ts';
import { syncPurge } from './purge.ts';
import { syncScale } from './scale.ts';
import type { SyncBench } from './support/table.ts';

/** The sync benches of issue 3, and issue 8's purge and scale (run-all prints their rows in a table of their own). */
export const syncBenches: SyncBench[] = [syncIngest, syncDrain, syncLoad, syncScale, syncPurge];
export { type SyncRow, syncTable } from './support/table.ts';
