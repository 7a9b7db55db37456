// `npm run bench`: builds the app for production, makes the demo database and the synthetic data sets, starts
// the server against each as `npm start` serves (one `next start` process), measures every figure beside its
// target and its reference, prints one table and saves it as bench/results.txt. References are measured in
// the same run on the same machine: the floor page (/account: the smallest signed-in App Router page, so the
// session check and layout every page pays) and `sqlite3 -csv` running the export's own query.
//   BENCH_QUICK=1 npm run bench   fewer requests, for trying changes (not for results.txt)
//   BENCH_ONLY=writes npm run bench   only the named sections (demo, pages, growth, export, writes; comma-separated),
//                                      for working on one figure (not for results.txt)
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import { createRequire } from 'node:module';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import Database from 'better-sqlite3';
import { ensureBuild, ensureDependencies, log, removeDatabase, root, setupDatabase } from '../scripts/lib.mjs';
import { load, percentiles } from './load.mjs';
import { signIn, startServer } from './server.mjs';

const QUICK = process.env.BENCH_QUICK === '1';
const ONLY = process.env.BENCH_ONLY ? new Set(process.env.BENCH_ONLY.split(',')) : null;
// growth is measured against the 200-risk register, so it needs the pages section too.
const section = (name) => !ONLY || ONLY.has(name) || (name === 'pages' && ONLY.has('growth'));
const PARTIAL = QUICK || ONLY !== null;
const PORT = Number(process.env.BENCH_PORT ?? 3500);
const DATA = path.join(root, 'data', 'bench');
const END = '2026-11-01';
const started = Date.now();
const require = createRequire(import.meta.url);

ensureDependencies();
ensureBuild();
fs.mkdirSync(DATA, { recursive: true });

// ---------------------------------------------------------------------------------------------- data
const tsx = path.join(root, 'node_modules', '.bin', 'tsx');
/** A synthetic register (deterministic for its options); reused when a previous run made the same one. */
function dataset(name, risks, years) {
  const file = path.join(DATA, `${name}.db`);
  const marker = `${file}.made`;
  const spec = JSON.stringify({ risks, years, end: END, seed: 1, version: fs.readdirSync(path.join(root, 'drizzle')).length });
  if (fs.existsSync(file) && fs.existsSync(marker) && fs.readFileSync(marker, 'utf8') === spec) return file;
  const result = spawnSync(
    tsx,
    ['scripts/seed-synthetic.ts', '--risks', String(risks), '--years', String(years), '--db', file, '--end', END, '--replace', '--accounts'],
    { cwd: root, encoding: 'utf8' },
  );
  if (result.status !== 0) throw new Error(`seed:synthetic failed: ${result.stderr}`);
  log(result.stdout.trim());
  // A full audit check, as the server's daily job records one: pages check the chain from it onwards.
  const check = spawnSync(tsx, ['scripts/audit-verify.ts'], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_PATH: file } });
  if (check.status !== 0) throw new Error(`audit:verify failed on ${name}: ${check.stderr}`);
  log(check.stdout.trim());
  fs.writeFileSync(marker, spec);
  return file;
}
const copyOf = (file, name) => {
  const copy = path.join(DATA, `${name}.db`);
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(copy + suffix, { force: true });
  fs.copyFileSync(file, copy);
  return copy;
};

/** The demo register, as `npm start` seeds it on first run, with the demo accounts. */
function demoDataset() {
  const file = path.join(DATA, 'demo.db');
  removeDatabase(file);
  setupDatabase({ ...process.env, DATABASE_PATH: file, SEED_DEMO: 'true' });
  return file;
}

const demo = demoDataset();
const small = dataset('register-200', 200, 10);
const large = dataset('register-2000', 2000, 10);
const million = dataset('reviews-1m', 8660, 10);

// ---------------------------------------------------------------------------------------------- helpers
const rows = [];
const fmt = (n, digits = 1) => (Number.isFinite(n) ? n.toFixed(digits) : 'n/a');
function record(figure, data, measured, target, reference, met) {
  rows.push({ figure, data, measured, target, reference, met });
  log(`${met ? 'met    ' : 'NOT MET'} ${figure}: ${measured} (target ${target}; ${reference})`);
}

/** Pages are asked for as a browser loads a page, and only a whole page counts. */
const DOCUMENT = { Accept: 'text/html', 'Sec-Fetch-Dest': 'document', 'Sec-Fetch-Mode': 'navigate' };
const wholePage = (response, text) => response.statusCode === 200 && text.includes('id="main-content"') && text.includes('</html>');

/** Median and p95 of sequential requests after a warm-up (one connection: the server's time per request). */
async function timed(port, cookie, pathFor, { warmup = 20, requests = QUICK ? 40 : 200, durationMs = QUICK ? 8000 : 30000 } = {}) {
  const request = (_client, n) => ({ path: pathFor(n), headers: { ...DOCUMENT, Cookie: cookie } });
  await load({ port, requests: warmup, request, check: wholePage });
  const result = await load({ port, requests, durationMs, request, check: wholePage });
  if (result.errors.length) throw new Error(`errors on ${pathFor(0)}: ${result.errors.slice(0, 3).join('; ')}`);
  return result;
}

/**
 * What auditors pay for the audit log's checks: /register as an auditor (the chain since the last full
 * check) against a board member's, and /audit's first page against the floor, measured in turns in the
 * same run so a slow patch of the machine falls on both sides of each ratio.
 */
async function auditorFigures(staffCookie, floor, data, options = { warmup: 10, requests: QUICK ? 20 : 60 }) {
  const auditor = await signIn(PORT, 'auditor@example.org');
  const board = await signIn(PORT, 'board@example.org');
  const auditorRegister = [];
  const boardRegister = [];
  const audit = [];
  const floors = [floor.median];
  for (let turn = 0; turn < 3; turn++) {
    boardRegister.push((await timed(PORT, board, () => '/register', options)).median);
    auditorRegister.push((await timed(PORT, auditor, () => '/register', options)).median);
    audit.push((await timed(PORT, auditor, () => '/audit', options)).median);
    floors.push((await timed(PORT, staffCookie, () => '/account', options)).median);
  }
  const median = (values) => percentiles(values).median;
  const [a, b, au, f] = [median(auditorRegister), median(boardRegister), median(audit), median(floors)];
  record(
    '/register as an auditor',
    data,
    `median ${fmt(a)} ms`,
    '≤ 1.5 × as a board member',
    `board member ${fmt(b)} ms; ${fmt(a / b, 2)} × (medians of 3 interleaved turns)`,
    a <= 1.5 * b,
  );
  record(
    '/audit first page',
    data,
    `median ${fmt(au)} ms`,
    '≤ 3 × floor',
    `floor /account ${fmt(f)} ms; ${fmt(au / f, 2)} × (medians of 3 interleaved turns)`,
    au <= 3 * f,
  );
}

async function withServer(database, fn) {
  const server = await startServer(root, { port: PORT, database });
  try {
    return await fn(server);
  } finally {
    await server.stop();
  }
}

// ---------------------------------------------------------------------------------------------- the demo register
if (section('demo'))
  await withServer(demo, async () => {
    const cookie = await signIn(PORT, 'staff@example.org');
    const floor = await timed(PORT, cookie, () => '/account');
    const register = await timed(PORT, cookie, () => '/register');
    record(
      '/register server time',
      'the demo register (16 risks)',
      `median ${fmt(register.median)} ms (p95 ${fmt(register.p95)})`,
      '≤ 2 × floor',
      `floor /account median ${fmt(floor.median)} ms (p95 ${fmt(floor.p95)}); ${fmt(register.median / floor.median, 2)} ×`,
      register.median <= 2 * floor.median,
    );
  });

// ---------------------------------------------------------------------------------------------- pages, 200 risks
let register200;
if (section('pages'))
  await withServer(small, async () => {
    const cookie = await signIn(PORT, 'staff@example.org');
    const floor = await timed(PORT, cookie, () => '/account');
    register200 = await timed(PORT, cookie, () => '/register');
    record(
      '/register server time',
      '200 live risks, 10 years of monthly reviews',
      `median ${fmt(register200.median)} ms (p95 ${fmt(register200.p95)})`,
      '≤ 4 × floor',
      `floor /account median ${fmt(floor.median)} ms (p95 ${fmt(floor.p95)}); ${fmt(register200.median / floor.median, 2)} ×`,
      register200.median <= 4 * floor.median,
    );

    await auditorFigures(cookie, floor, '200 risks, 10 years');

    // As at a day: rebuilt from the history on every request, a different day each time (nothing is cached
    // across requests, so the same day repeated is a rebuild too; it is shown beside it).
    const base = new Date(`${END}T00:00:00Z`);
    base.setUTCFullYear(base.getUTCFullYear() - 5);
    const fiveYearsBack = base.toISOString().slice(0, 10);
    const dayN = (n) => new Date(base.getTime() - ((n % 300) + 1) * 86_400_000).toISOString().slice(0, 10);
    const rebuilt = await timed(PORT, cookie, (n) => `/register?asAt=${dayN(n)}`);
    const sameDay = await timed(PORT, cookie, () => `/register?asAt=${fiveYearsBack}`);
    record(
      '/register?asAt= rebuilt, a different day each request',
      '200 risks, 10 years',
      `median ${fmt(rebuilt.median)} ms (p95 ${fmt(rebuilt.p95)}); one day repeated (${fiveYearsBack}): median ${fmt(sameDay.median)} ms`,
      '≤ 3 × live /register at the same size',
      `live ${fmt(register200.median)} ms; ${fmt(rebuilt.median / register200.median, 2)} × (one day repeated ${fmt(sameDay.median / register200.median, 2)} ×)`,
      rebuilt.median <= 3 * register200.median,
    );

    const db = new Database(small, { readonly: true });
    const { ref, count } = db
      .prepare(
        "SELECT r.ref AS ref, count(*) AS count FROM risks r JOIN reviews v ON v.risk_id = r.id WHERE r.status = 'live' GROUP BY r.id HAVING count(*) >= 120 ORDER BY r.id LIMIT 1",
      )
      .get();
    db.close();
    const risk = await timed(PORT, cookie, () => `/risks/${ref}`);
    record(
      `/risks/[ref] (${ref}, ${count} reviews)`,
      '200 risks',
      `median ${fmt(risk.median)} ms (p95 ${fmt(risk.p95)})`,
      '≤ 3 × floor',
      `floor /account median ${fmt(floor.median)} ms; ${fmt(risk.median / floor.median, 2)} ×`,
      risk.median <= 3 * floor.median,
    );

    // Page weight: the register's HTML as a server would compress it, and every script the page loads
    // (modern browsers skip noModule polyfills), gzipped; the floor page's scripts are the framework's share.
    const weigh = async (page) => {
      const response = await fetch(`http://127.0.0.1:${PORT}${page}`, { headers: { ...DOCUMENT, Cookie: cookie } });
      const text = await response.text();
      if (!wholePage({ statusCode: response.status }, text))
        throw new Error(`${page} did not answer with a whole page: ${response.status} ${text.slice(0, 200)}`);
      const tags = [...text.matchAll(/<script([^>]*)\ssrc="([^"]+\.js[^"]*)"([^>]*)>/g)].filter((m) => !/nomodule/i.test(m[1] + m[3]));
      const scripts = [...new Set(tags.map((m) => m[2]))];
      let js = 0;
      for (const src of scripts) js += zlib.gzipSync(Buffer.from(await (await fetch(`http://127.0.0.1:${PORT}${src}`)).arrayBuffer()), { level: 9 }).length;
      return { html: zlib.gzipSync(Buffer.from(text)).length, htmlRaw: Buffer.byteLength(text), js, scripts: scripts.length };
    };
    const page = await weigh('/register');
    const floorPage = await weigh('/account');
    record(
      '/register page weight',
      '200 risks',
      `HTML ${fmt(page.html / 1024)} kB gzip (${fmt(page.htmlRaw / 1024, 0)} kB raw); first-load JavaScript ${fmt(page.js / 1024)} kB gzip (${page.scripts} scripts)`,
      'HTML ≤ 150 kB gzip; JavaScript ≤ floor + 30 kB gzip',
      `floor /account JavaScript ${fmt(floorPage.js / 1024)} kB gzip (${floorPage.scripts} scripts); +${fmt((page.js - floorPage.js) / 1024)} kB`,
      page.html / 1024 <= 150 && page.js - floorPage.js <= 30 * 1024,
    );

    // Readers: 50 concurrent clients on /register, each asking again as soon as it is answered.
    const duration = QUICK ? 5000 : 20000;
    const request = () => ({ path: '/register', headers: { ...DOCUMENT, Cookie: cookie } });
    await load({ port: PORT, connections: 50, requests: 100, request, check: wholePage });
    const readers = await load({ port: PORT, connections: 50, durationMs: duration, request, check: wholePage });
    record(
      'readers',
      '50 concurrent clients on /register (200 risks)',
      `${fmt(readers.perSecond, 0)} requests/s, ${readers.errors.length} errors; median ${fmt(readers.median, 0)} ms, p95 ${fmt(readers.p95, 0)} ms (${duration / 1000} s)`,
      '0 errors, p95 ≤ 1 s',
      'each client asks again as soon as it is answered',
      readers.errors.length === 0 && readers.p95 <= 1000,
    );
  });

// ---------------------------------------------------------------------------------------------- pages, 2,000 risks
if (section('growth'))
  await withServer(large, async () => {
    const cookie = await signIn(PORT, 'staff@example.org');
    const live = await timed(PORT, cookie, () => '/register', { warmup: 5, requests: QUICK ? 15 : 60 });
    record(
      '/register growth',
      '2,000 live risks, 10 years',
      `median ${fmt(live.median)} ms (p95 ${fmt(live.p95)})`,
      '≤ 10 × the 200-risk figure',
      `200 risks ${fmt(register200.median)} ms; ${fmt(live.median / register200.median, 2)} ×`,
      live.median <= 10 * register200.median,
    );
    const floor = await timed(PORT, cookie, () => '/account', { warmup: 5, requests: QUICK ? 15 : 60 });
    await auditorFigures(cookie, floor, '2,000 risks, 10 years', { warmup: 5, requests: QUICK ? 10 : 30 });
  });

// ---------------------------------------------------------------------------------------------- export, 1,000,000 reviews
if (section('export'))
  await withServer(million, async (server) => {
    const cookie = await signIn(PORT, 'auditor@example.org');
    const reviews = (() => {
      const db = new Database(million, { readonly: true });
      const n = db.prepare('SELECT count(*) FROM reviews').pluck().get();
      db.close();
      return n;
    })();
    const http = await import('node:http');
    const download = () =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        http
          .get({ host: '127.0.0.1', port: PORT, path: '/api/exports/reviews?format=csv', headers: { Cookie: cookie } }, (res) => {
            let bytes = 0;
            let lines = 0;
            res.on('data', (chunk) => {
              bytes += chunk.length;
              for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) lines++;
            });
            res.on('end', () => resolve({ ms: performance.now() - t0, bytes, rows: lines - 1, status: res.statusCode }));
            res.on('error', reject);
          })
          .on('error', reject);
      });
    // The server's peak resident memory while it serves the downloads.
    let peak = 0;
    const sampler = setInterval(() => {
      peak = Math.max(peak, ...server.rssKbEach());
    }, 25);
    // Warm-up as for every figure: one download first, so no measured run is the process's first (V8 compiling
    // the CSV path, the file's pages not yet read).
    const warmup = [await download()];

    // The storage floor: sqlite3 -csv running the export's own query text on the same file.
    const sql = spawnSync(tsx, ['bench/export-sql.ts'], { cwd: root, encoding: 'utf8' }).stdout;
    if (!sql.includes('SELECT')) throw new Error('could not read REVIEW_EXPORT_SQL');
    // Its output is read by this process, as the HTTP client reads the app's, and counted.
    const sqliteCsv = () =>
      new Promise((resolve, reject) => {
        const t0 = performance.now();
        const child = spawn('sqlite3', ['-csv', million], { stdio: ['pipe', 'pipe', 'pipe'] });
        let bytes = 0;
        let stderr = '';
        child.stdout.on('data', (chunk) => (bytes += chunk.length));
        child.stderr.on('data', (chunk) => (stderr += chunk));
        child.on('error', reject);
        child.on('close', (code) => (code === 0 ? resolve({ ms: performance.now() - t0, bytes }) : reject(new Error(`sqlite3 failed: ${stderr}`))));
        child.stdin.end(`.param set :risk NULL\n${sql};\n`);
      });
    // Measured in turns, download then sqlite3, so that a slow patch of this shared machine falls on both sides
    // of the ratio.
    const runs = [];
    const cli = [];
    for (let i = 0; i < (QUICK ? 1 : 3); i++) {
      runs.push(await download());
      cli.push((await sqliteCsv()).ms);
    }
    clearInterval(sampler);
    log(
      `export downloads: warm-up ${warmup.map((r) => fmt(r.ms / 1000, 2)).join(', ')} s; measured ${runs.map((r) => fmt(r.ms / 1000, 2)).join(', ')} s; sqlite3 -csv ${cli.map((ms) => fmt(ms / 1000, 2)).join(', ')} s`,
    );
    if ([...warmup, ...runs].some((r) => r.status !== 200 || r.rows !== reviews))
      throw new Error(`export returned ${runs.map((r) => `${r.status}/${r.rows}`).join(', ')} rows, expected ${reviews}`);
    const app = percentiles(runs.map((r) => r.ms)).median;
    const floor = percentiles(cli).median;
    const rate = reviews / (app / 1000);
    record(
      'review-history CSV export',
      `${reviews.toLocaleString('en-GB')} reviews (${fmt(runs[0].bytes / 1e6, 0)} MB)`,
      `${fmt(app / 1000, 2)} s, ${Math.round(rate).toLocaleString('en-GB')} rows/s; peak RSS of the server ${fmt(peak / 1024, 0)} MB`,
      '≥ 200,000 rows/s; ≤ 2 × sqlite3 -csv; RSS ≤ 300 MB',
      `sqlite3 -csv same query ${fmt(floor / 1000, 2)} s; ${fmt(app / floor, 2)} ×`,
      rate >= 200_000 && app <= 2 * floor && peak / 1024 <= 300,
    );
  });

// ---------------------------------------------------------------------------------------------- concurrent reviews
if (section('writes'))
  await withServer(copyOf(small, 'register-200-writes'), async (server) => {
    const writes = server.database;
    const cookie = await signIn(PORT, 'staff@example.org');
    const manifest = JSON.parse(fs.readFileSync(path.join(root, '.next', 'server', 'server-reference-manifest.json'), 'utf8'));
    const action = Object.entries(manifest.node).find(
      ([, e]) => e.filename.endsWith('risks/[ref]/review/server-actions.ts') && e.exportedName === 'reviewRiskAction',
    )?.[0];
    if (!action) throw new Error('reviewRiskAction is not in the build');
    const { encodeReply } = require('next/dist/compiled/react-server-dom-webpack/client.node');
    const reader = new Database(writes, { readonly: true });
    // 20 clients, like 20 members of staff each working through their own share of the register: client c
    // reviews inherent risks c, c + 20, c + 40, … in turn, so no two clients ever review the same risk and each
    // risk's history grows as a busy month's would, not by hundreds of reviews in one run (a save renders the
    // risk's page, which shows every review). Inherent risks, as no score can take them off the register.
    const CLIENTS = 20;
    const refs = reader.prepare("SELECT ref FROM risks WHERE status = 'live' AND category = 'inherent' ORDER BY id").pluck().all();
    if (refs.length < CLIENTS) throw new Error(`the data set has ${refs.length} live inherent risks; ${CLIENTS} clients need at least as many`);
    const shares = Array.from({ length: CLIENTS }, (_, c) => refs.filter((_, i) => i % CLIENTS === c));
    const versionOf = reader.prepare('SELECT version FROM risks WHERE ref = ?').pluck();
    // The form comes pre-filled with the risk's text; a review that changes only the scores sends it back as it is.
    const text = Object.fromEntries(
      refs.map((ref) => {
        const risk = reader.prepare('SELECT id, event FROM risks WHERE ref = ?').get(ref);
        const consequences = reader
          .prepare('SELECT text FROM risk_consequences WHERE risk_id = ? AND valid_to IS NULL ORDER BY position')
          .pluck()
          .all(risk.id)
          .join('\n');
        const areas = reader.prepare('SELECT area FROM risk_impact_areas WHERE risk_id = ? AND valid_to IS NULL').pluck().all(risk.id);
        return [ref, { event: risk.event, consequences, areas }];
      }),
    );
    const today = new Date();
    const acknowledged = [];
    const counters = shares.map(() => 0);
    const pending = new Map();
    // Each client's form is encoded once, as the browser's React would (encodeReply of the FormData, a multipart
    // body), with markers where the values that change from one review to the next go; each request fills them
    // in. This keeps the load generator's own CPU, which shares this machine with the server, to a minimum.
    const MARK = { version: '@@version@@', likelihood: '@@likelihood@@', impact: '@@impact@@', reason: '@@reason@@' };
    const templates = new Map();
    const templateFor = async (ref) => {
      if (templates.has(ref)) return templates.get(ref);
      const form = new FormData();
      const fields = {
        ref,
        intent: 'save',
        returnTo: 'risk',
        version: MARK.version,
        'reviewedOn-day': String(today.getDate()),
        'reviewedOn-month': String(today.getMonth() + 1),
        'reviewedOn-year': String(today.getFullYear()),
        forum: 'monthly',
        likelihood: MARK.likelihood,
        control: '2',
        impact: MARK.impact,
        reason: MARK.reason,
      };
      for (const [k, v] of Object.entries(fields)) form.append(k, v);
      form.append('event', text[ref].event);
      form.append('consequences', text[ref].consequences);
      for (const area of text[ref].areas) form.append('impactAreas', area);
      // One Response for both: a multipart body's boundary is chosen when it is serialised.
      const encoded = new Response(await encodeReply([undefined, form]));
      const template = { contentType: encoded.headers.get('content-type') ?? 'text/plain;charset=UTF-8', body: await encoded.text() };
      for (const mark of Object.values(MARK)) if (!template.body.includes(mark)) throw new Error(`the encoded form lost ${mark}`);
      templates.set(ref, template);
      return template;
    };
    const request = async (client) => {
      const n = counters[client]++;
      const ref = shares[client][n % shares[client].length];
      const reason = `bench c${client} n${n}`;
      const { contentType, body } = await templateFor(ref);
      const buffer = Buffer.from(
        body
          .replace(MARK.version, String(versionOf.get(ref)))
          .replace(MARK.likelihood, String(2 + (n % 3)))
          .replace(MARK.impact, String(2 + ((n + client) % 3)))
          .replace(MARK.reason, reason),
      );
      pending.set(client, reason);
      return {
        path: `/risks/${ref}/review`,
        method: 'POST',
        headers: { 'Next-Action': action, Accept: 'text/x-component', Cookie: cookie, 'Content-Type': contentType, 'Content-Length': buffer.length },
        body: buffer,
      };
    };
    const check = (res, _text, client) => {
      const location = res.headers['x-action-redirect'] ?? res.headers.location ?? '';
      const ok = (res.statusCode === 200 || res.statusCode === 303) && location.includes('reviewed=1');
      if (ok) acknowledged.push(pending.get(client));
      return ok;
    };
    // Warm-up: the same load for 10 s before measuring. A save runs most of Next's request path twice (the action
    // and the page it redirects to), and V8 keeps optimising it for several seconds of load.
    await load({ port: PORT, connections: CLIENTS, durationMs: QUICK ? 4000 : 10000, request, check, text: false });
    acknowledged.length = 0;
    const cpuBefore = server.cpuMs();
    const clientBefore = process.cpuUsage();
    const result = await load({ port: PORT, connections: CLIENTS, durationMs: QUICK ? 8000 : 30000, request, check, text: false });
    const cpuPerReview = (server.cpuMs() - cpuBefore) / result.ok;
    const clientUsage = process.cpuUsage(clientBefore);
    const clientPerReview = (clientUsage.user + clientUsage.system) / 1000 / result.ok;
    const present = new Set(reader.prepare("SELECT reason FROM reviews WHERE reason LIKE 'bench %'").pluck().all());
    reader.close();
    const lost = acknowledged.filter((reason) => !present.has(reason)).length;
    record(
      'concurrent reviews',
      `${CLIENTS} clients logging reviews for ${QUICK ? 8 : 30} s (200 risks)`,
      `${result.ok} reviews saved (${fmt(result.perSecond, 0)}/s), ${result.errors.length} errors, ${lost} lost; median ${fmt(result.median, 0)} ms, p95 ${fmt(result.p95, 0)} ms; CPU a review: server ${fmt(cpuPerReview)} ms, load generator ${fmt(clientPerReview)} ms`,
      '0 errors, 0 lost, p95 ≤ 1 s',
      `each client reviews its own ${shares[0].length} inherent risks in turn, the next as soon as the last is saved`,
      result.errors.length === 0 && lost === 0 && result.p95 <= 1000,
    );
    if (result.errors.length) log(`first errors: ${result.errors.slice(0, 3).join(' | ')}`);
  });

// ---------------------------------------------------------------------------------------------- table
const cpu = os.cpus();
const header = [
  `npm run bench — ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC, ${cpu.length} × ${cpu[0]?.model.trim()}, ${fmt(os.totalmem() / 2 ** 30, 0)} GiB, Node ${process.version}, sqlite3 ${spawnSync('sqlite3', ['--version'], { encoding: 'utf8' }).stdout.split(' ')[0]}`,
  `Medians and p95 of repeated requests after warm-up, from bench/load.mjs (keep-alive HTTP/1.1 on loopback); the server as npm start runs it, one next start process; whole run ${fmt((Date.now() - started) / 60000, 1)} min.${QUICK ? ' QUICK RUN: fewer requests, not for results.txt.' : ''}${ONLY ? ` ONLY ${[...ONLY].join(', ')}: not for results.txt.` : ''}`,
  '',
];
const widths = ['figure', 'data', 'measured', 'target', 'reference'].map((k) => Math.max(k.length, ...rows.map((r) => r[k].length)));
const line = (cells) => `| ${cells.map((c, i) => c.padEnd(widths[i] ?? 0)).join(' | ')} |`;
const table = [
  line(['figure', 'data', 'measured', 'target', 'reference', 'met']),
  line(widths.map((w) => '-'.repeat(w)).concat(['---'])),
  ...rows.map((r) => line([r.figure, r.data, r.measured, r.target, r.reference, r.met ? 'yes' : 'NO'])),
];
const met = rows.filter((r) => r.met).length;
const output = [...header, ...table, '', `${met} of ${rows.length} targets met.`, ''].join('\n');
console.log(`\n${output}`);
if (!PARTIAL) fs.writeFileSync(path.join(root, 'bench', 'results.txt'), output);
process.exit(met === rows.length ? 0 : 1);
