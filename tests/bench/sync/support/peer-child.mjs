// The peer's server for the ingest bench: express-pouchdb on PouchDB's memory adapter, in a process of its own,
// listening on 127.0.0.1:0 (mode minimumForPouchDB: the routes a PouchDB replication uses; no request log).
// Prints { url } when ready, answers "usage", "info <db>", "drop <db>" and "exit" on stdin, and stops when stdin
// closes. Plain JavaScript: PouchDB ships no types.
import { createInterface } from 'node:readline';
import expressPouchDB from 'express-pouchdb';
import memoryAdapter from 'pouchdb-adapter-memory';
import PouchDB from 'pouchdb-core';

const MemoryPouch = PouchDB.plugin(memoryAdapter).defaults({ adapter: 'memory' });
const app = expressPouchDB(MemoryPouch, { mode: 'minimumForPouchDB' });
const out = (value) => process.stdout.write(`${JSON.stringify(value)}\n`);

const server = app.listen(0, '127.0.0.1', () => out({ url: `http://127.0.0.1:${server.address().port}`, pid: process.pid }));
const stop = () => server.close(() => process.exit(0));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);

let queue = Promise.resolve();
const lines = createInterface({ input: process.stdin });
lines.on('line', (line) => {
  queue = queue
    .then(async () => {
      const [command, arg] = line.trim().split(/\s+/);
      if (command === 'usage') {
        const cpu = process.cpuUsage();
        out({ cpuMs: (cpu.user + cpu.system) / 1000, rssMb: process.memoryUsage().rss / 2 ** 20 });
      } else if (command === 'info' && arg) {
        const info = await new MemoryPouch(arg).info();
        out({ docs: info.doc_count });
      } else if (command === 'drop' && arg) {
        await new MemoryPouch(arg).destroy();
        out({ dropped: arg });
      } else if (command === 'exit') {
        stop();
      } else {
        out({ error: `unknown command ${line}` });
      }
    })
    .catch((error) => out({ error: String(error) }));
});
lines.on('close', stop);
