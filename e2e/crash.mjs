// `npm run test:crash`: 30 times, start the production server, drive concurrent review writes, kill it with
// SIGKILL at a random moment, and check the database: integrity_check is ok, every review acknowledged with a
// success response before the kill is there, no review is without its audit entry, and the audit chain
// verifies. Prints the counts; exits 1 if any run fails. Not part of `npm test` (it takes a few minutes).
//   CRASH_RUNS=30 CRASH_CLIENTS=8 CRASH_PORT=3300 npm run test:crash
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import Database from 'better-sqlite3';
import { ensureBuild, ensureDependencies, log, removeDatabase, root, setupDatabase } from '../scripts/lib.mjs';

const RUNS = Number(process.env.CRASH_RUNS ?? 30);
const CLIENTS = Number(process.env.CRASH_CLIENTS ?? 8);
const PORT = Number(process.env.CRASH_PORT ?? 3300);
const BASE = `http://127.0.0.1:${PORT}`;
const DB_FILE = path.join(root, 'data', 'crash.db');
const env = {
  ...process.env,
  DATABASE_PATH: DB_FILE,
  NEXTAUTH_URL: BASE,
  NEXTAUTH_SECRET: 'crash-test-only-secret-0123456789abcdef0123',
  NEXT_TELEMETRY_DISABLED: '1',
  SEED_DEMO: 'true',
  // The crash test measures reviews and the audit chain; the reminder run's own writes stay out of it.
  REMINDERS: 'off',
  AUDIT_CHECK: 'off',
};
const require = createRequire(import.meta.url);

ensureDependencies();
ensureBuild();
removeDatabase(DB_FILE);
setupDatabase(env);

const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
const REVIEW_ACTION = Object.entries(manifest.node).find(
  ([, e]) => e.filename.endsWith('risks/[ref]/review/server-actions.ts') && e.exportedName === 'reviewRiskAction',
)?.[0];
if (!REVIEW_ACTION) throw new Error('reviewRiskAction is not in the build');
const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node');

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

function startServer() {
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(PORT), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true,
    stdio: 'ignore',
  });
  return child;
}

async function waitForHealth(deadline = Date.now() + 30_000) {
  while (Date.now() < deadline) {
    try {
      if ((await fetch(`${BASE}/api/health`)).ok) return;
    } catch {
      // not up yet
    }
    await sleep(100);
  }
  throw new Error('the server did not come up within 30 s');
}

function cookiesOf(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}
const cookieHeader = (jar) => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');

async function signIn(email) {
  const jar = new Map();
  const csrf = await fetch(`${BASE}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = await csrf.json();
  const response = await fetch(`${BASE}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookieHeader(jar) },
    body: new URLSearchParams({ csrfToken, email, password: 'demo-password' }),
  });
  cookiesOf(response, jar);
  if (!jar.has('next-auth.session-token')) throw new Error(`could not sign in as ${email} (${response.status})`);
  return jar;
}

const today = new Date();
const readDb = () => new Database(DB_FILE, { readonly: true, fileMustExist: true });

/** One client: reviews its own risk again and again, remembering each review the server acknowledged. */
async function client(jar, ref, run, index, acknowledged, stop) {
  let n = 0;
  const reader = readDb();
  const versionOf = reader.prepare('SELECT version FROM risks WHERE ref = ?');
  try {
    while (!stop.stopped) {
      const { version } = versionOf.get(ref);
      const reason = `crash r${run} c${index} n${n++}`;
      const form = new FormData();
      const fields = {
        ref,
        intent: 'save',
        returnTo: 'risk',
        version: String(version),
        'reviewedOn-day': String(today.getDate()),
        'reviewedOn-month': String(today.getMonth() + 1),
        'reviewedOn-year': String(today.getFullYear()),
        forum: 'monthly',
        likelihood: String(1 + (n % 4)),
        control: '2',
        impact: String(1 + ((n + index) % 4)),
        reason,
        event: `Crash test of ${ref}`,
        consequences: 'One consequence',
        impactAreas: 'Financial',
      };
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      const body = await encodeReply([undefined, form]);
      try {
        const response = await fetch(`${BASE}/risks/${ref}/review`, {
          method: 'POST',
          redirect: 'manual',
          headers: { 'Next-Action': REVIEW_ACTION, Accept: 'text/x-component', Cookie: cookieHeader(jar) },
          body,
        });
        const text = await response.text();
        // Success is the redirect to the risk's page; a refusal (e.g. a stale version) is not an acknowledgement.
        const location = response.headers.get('x-action-redirect') ?? response.headers.get('location') ?? '';
        if (location.includes(`/risks/${ref}?reviewed=1`) || (response.status === 303 && location.includes('reviewed=1'))) acknowledged.push(reason);
        else if (!/formErrors|fieldErrors/.test(text)) acknowledged.stray = (acknowledged.stray ?? 0) + 1;
      } catch {
        return; // the server died mid-request: not acknowledged
      }
    }
  } finally {
    reader.close();
  }
}

const refs = ['I1', 'I2', 'I3', 'I4', 'I5', 'I6', 'I7', 'I8', 'I9', 'I10'].slice(0, CLIENTS);
const totals = { runs: 0, passed: 0, acknowledged: 0, lost: 0, integrityErrors: 0, unaudited: 0, chainBroken: 0 };
for (let run = 1; run <= RUNS; run++) {
  const server = startServer();
  let ok = true;
  const acknowledged = [];
  try {
    await waitForHealth();
    const jar = await signIn('staff@example.org');
    const stop = { stopped: false };
    const work = refs.map((ref, i) => client(jar, ref, run, i, acknowledged, stop));
    await sleep(300 + Math.random() * 2500);
    process.kill(-server.pid, 'SIGKILL');
    stop.stopped = true;
    await Promise.allSettled(work);
  } catch (error) {
    try {
      process.kill(-server.pid, 'SIGKILL');
    } catch {
      // already gone
    }
    console.error(`run ${run}: ${error.message}`);
    ok = false;
  }
  await new Promise((resolve) => (server.exitCode !== null || server.signalCode !== null ? resolve() : server.once('exit', resolve)));

  const db = new Database(DB_FILE);
  const integrity = db.pragma('integrity_check', { simple: true });
  const present = new Set(db.prepare("SELECT reason FROM reviews WHERE reason LIKE 'crash r' || ? || ' %'").pluck().all(String(run)));
  const lost = acknowledged.filter((reason) => !present.has(reason));
  const unaudited = db
    .prepare(
      `SELECT count(*) FROM reviews v WHERE v.reason LIKE 'crash %' AND NOT EXISTS (
         SELECT 1 FROM audit_log a WHERE a.action = 'review.record' AND json_extract(a.detail, '$.reviewId') = v.id)`,
    )
    .pluck()
    .get();
  db.close();
  const chain = spawnSync(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('scripts', 'audit-verify.ts')], { cwd: root, env, encoding: 'utf8' });
  const chainOk = chain.status === 0;
  const runOk = ok && integrity === 'ok' && lost.length === 0 && unaudited === 0 && chainOk;
  totals.runs++;
  totals.passed += runOk ? 1 : 0;
  totals.acknowledged += acknowledged.length;
  totals.lost += lost.length;
  totals.integrityErrors += integrity === 'ok' ? 0 : 1;
  totals.unaudited += unaudited;
  totals.chainBroken += chainOk ? 0 : 1;
  log(
    `crash run ${String(run).padStart(2)}: ${runOk ? 'pass' : 'FAIL'}; acknowledged ${acknowledged.length}, present ${present.size}, lost ${lost.length}; integrity ${integrity}; reviews without audit ${unaudited}; audit chain ${chainOk ? 'verified' : `BROKEN: ${(chain.stderr || chain.stdout).trim()}`}`,
  );
}
log(
  `crash test: ${totals.passed} of ${totals.runs} runs passed; ${totals.acknowledged} acknowledged reviews, ${totals.lost} lost; ${totals.integrityErrors} integrity errors; ${totals.unaudited} reviews without an audit entry; ${totals.chainBroken} broken chains`,
);
process.exit(totals.passed === totals.runs ? 0 : 1);
