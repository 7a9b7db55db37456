// `npm start`: install if needed, build if needed, migrate, seed the demo data on first run, then serve
// with `next start`.
import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild, ensureDependencies, log, root, setupDatabase } from './lib.mjs';

/**
 * For a local run without NEXTAUTH_SECRET: a random secret kept beside the database (git-ignored) so
 * sessions survive a restart. A real deployment sets NEXTAUTH_SECRET itself.
 */
function localSecret() {
  const file = path.join(root, 'data', '.auth-secret');
  if (fs.existsSync(file)) return fs.readFileSync(file, 'utf8').trim();
  fs.mkdirSync(path.dirname(file), { recursive: true });
  const secret = randomBytes(32).toString('hex');
  fs.writeFileSync(file, `${secret}\n`, { mode: 0o600 });
  log('generated a local session secret in data/.auth-secret (set NEXTAUTH_SECRET to use your own)');
  return secret;
}

// Production, as `next start` serves: the database setup holds the audit key to production's rules too.
const env = { ...process.env, NODE_ENV: 'production', NEXT_TELEMETRY_DISABLED: '1' };
const port = env.PORT || '3000';
if (!env.NEXTAUTH_URL) env.NEXTAUTH_URL = `http://localhost:${port}`;
if (!env.NEXTAUTH_SECRET && !env.AUTH_SECRET) env.NEXTAUTH_SECRET = localSecret();

ensureDependencies();
ensureBuild();
setupDatabase(env);

log(`serving on http://localhost:${port} (database ${env.DATABASE_PATH || 'data/register.db'})`);

/**
 * Serves with `next start`, and starts it again if it ever stops without being asked to (a crash, an
 * out-of-memory, a kill): the office's service comes back by itself. Five stops within a minute mean
 * something is wrong that a restart will not fix, so this exits with the server's code for the operator.
 */
let server;
let stopping = false;
let stops = [];
function serve() {
  server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port], { cwd: root, stdio: 'inherit', env });
  log(`server started (pid ${server.pid})`);
  server.on('exit', (code, signal) => {
    if (stopping) process.exit(code ?? 0);
    const now = Date.now();
    stops = [...stops.filter((at) => now - at < 60_000), now];
    if (stops.length >= 5) {
      log(`the server stopped ${stops.length} times within a minute (last: ${signal ?? `exit code ${code}`}); not starting it again`);
      process.exit(code || 1);
    }
    log(`the server stopped (${signal ?? `exit code ${code}`}); starting it again …`);
    setTimeout(serve, 1000);
  });
}
for (const signal of ['SIGINT', 'SIGTERM'])
  process.on(signal, () => {
    stopping = true;
    server.kill(signal);
  });
serve();
