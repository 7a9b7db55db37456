// Serves the production build: `next start` in one worker process per CPU core (WEB_CONCURRENCY to
// choose), sharing one port through node:cluster. One Node process runs JavaScript on one core, so a
// single `next start` leaves the other cores idle while saves queue behind page renders. Every worker
// opens the same SQLite file: WAL lets them read side by side, writes take the database's lock in turn
// (every transaction begins IMMEDIATE, waiting up to busy_timeout), and the read cache is keyed by the
// audit log's head, which any worker's change moves. A worker that dies is replaced. Each worker renders
// the page its own server actions redirect to (scripts/private-origin.mjs).
//   node scripts/serve.mjs -p PORT [-H HOST]   (arguments are passed to `next start`)
import cluster from 'node:cluster';
import { createRequire } from 'node:module';
import path from 'node:path';
import { root, workerCount } from './lib.mjs';
import { renderRedirectsInThisProcess } from './private-origin.mjs';

const require = createRequire(import.meta.url);

if (cluster.isPrimary) {
  const count = workerCount();
  let stopping = false;
  const start = () => cluster.fork();
  for (let i = 0; i < count; i++) start();
  // A worker that ends is replaced, unless workers keep ending (the port is taken, the build is missing):
  // then stop, rather than restart for ever.
  const recentExits = [];
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    const now = Date.now();
    recentExits.push(now);
    while (recentExits.length && recentExits[0] < now - 60_000) recentExits.shift();
    if (recentExits.length > 5) {
      console.error('server workers keep ending; stopping');
      stopping = true;
      for (const other of Object.values(cluster.workers ?? {})) other?.process.kill('SIGTERM');
      process.exit(1);
    }
    console.error(`server worker ${worker.process.pid} ended (${signal ?? code}); starting another`);
    start();
  });
  for (const sig of ['SIGINT', 'SIGTERM']) {
    process.on(sig, () => {
      stopping = true;
      for (const worker of Object.values(cluster.workers ?? {})) worker?.process.kill(sig);
      // The primary ends when its workers have; give them a moment to finish what they are sending.
      setTimeout(() => process.exit(0), 5000).unref();
      let left = Object.keys(cluster.workers ?? {}).length;
      if (!left) process.exit(0);
      cluster.on('exit', () => {
        left -= 1;
        if (left <= 0) process.exit(0);
      });
    });
  }
} else {
  // Exactly what `next start` does, in this worker: Next's own command line with our arguments.
  process.chdir(root);
  renderRedirectsInThisProcess();
  process.argv = [process.argv[0], path.join(root, 'node_modules', 'next', 'dist', 'bin', 'next'), 'start', ...process.argv.slice(2)];
  require('next/dist/bin/next');
}
