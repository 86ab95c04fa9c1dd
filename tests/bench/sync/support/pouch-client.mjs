// The peer's client for the ingest bench: PouchDB with the memory adapter, replicating (push) to express-pouchdb
// over HTTP. Runs in the bench process, as our own Node client does. Plain JavaScript: PouchDB ships no types
// (pouch-client.d.mts declares what the bench uses).
import httpAdapter from 'pouchdb-adapter-http';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';
import replication from 'pouchdb-replication';

const Pouch = PouchDB.plugin(memoryAdapter).plugin(httpAdapter).plugin(replication);

/** A local memory database holding the records as documents (_id = the record's id), written 1,000 at a time. */
export const localDatabase = async (name, records) => {
  const db = new Pouch(name, { adapter: 'memory' });
  for (let i = 0; i < records.length; i += 1000) {
    const docs = records.slice(i, i + 1000).map((record) => ({ _id: record.id, ...record }));
    const results = await db.bulkDocs(docs);
    const failed = results.filter((r) => r.error);
    if (failed.length) throw new Error(`local bulkDocs: ${failed.length} failed, e.g. ${JSON.stringify(failed[0])}`);
  }
  return db;
};

/**
 * PouchDB.replicate(local, remote), one shot, timed end to end; the time between 'change' events (one per
 * batch written) gives the per-batch times.
 */
export const replicate = async (local, remoteUrl, batchSize) => {
  const batches = [];
  const t0 = performance.now();
  let last = t0;
  const replication = Pouch.replicate(local, remoteUrl, { batch_size: batchSize });
  replication.on('change', () => {
    const now = performance.now();
    batches.push(now - last);
    last = now;
  });
  const result = await replication;
  const ms = performance.now() - t0;
  if (!result.ok) throw new Error(`replication failed: ${JSON.stringify(result.errors).slice(0, 300)}`);
  return { ms, docsWritten: result.docs_written, batches };
};

export const destroy = (db) => db.destroy();
