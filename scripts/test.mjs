// `npm test`: install if needed, lint, find (or install) a browser, run the unit tests (vitest) and the
// end-to-end suite (Playwright against a production build and a fresh database file), then print one
// plain line "N passed, M failed" summed from both runners' JSON reports.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { ensureBuild, ensureDependencies, log, removeDatabase, root, run, setupDatabase } from './lib.mjs';

const resultsDir = path.join(root, 'test-results');
const unitReport = path.join(resultsDir, 'unit.json');
const e2eReport = path.join(resultsDir, 'e2e.json');

function commandExists(command) {
  return spawnSync('sh', ['-c', `command -v ${command}`], { stdio: 'ignore' }).status === 0;
}

function playwrightOwnChromium() {
  const result = spawnSync(process.execPath, ['-e', "process.stdout.write(require('playwright-core').chromium.executablePath())"], {
    cwd: root,
    encoding: 'utf8',
  });
  const file = result.stdout?.trim();
  return result.status === 0 && file && fs.existsSync(file) ? file : null;
}

/** A Chromium for Playwright: PLAYWRIGHT_CHROMIUM_PATH, Debian's, Playwright's own, or one we install. */
function findBrowser() {
  const configured = process.env.PLAYWRIGHT_CHROMIUM_PATH;
  if (configured && fs.existsSync(configured)) return configured;
  if (configured) log(`PLAYWRIGHT_CHROMIUM_PATH=${configured} does not exist; looking elsewhere`);
  if (fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
  const own = playwrightOwnChromium();
  if (own) return own;
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  if (commandExists('apt-get') && (isRoot || commandExists('sudo'))) {
    log('no browser found: installing Debian’s chromium with apt-get …');
    const apt = (...args) => (isRoot ? run('apt-get', args) : run('sudo', ['apt-get', ...args]));
    if (apt('update') === 0 && apt('install', '-y', 'chromium') === 0 && fs.existsSync('/usr/bin/chromium')) return '/usr/bin/chromium';
    log('apt-get could not install chromium');
  }
  log('no browser found: downloading Playwright’s chromium …');
  if (run(path.join(root, 'node_modules', '.bin', 'playwright'), ['install', 'chromium']) === 0) return playwrightOwnChromium();
  return null;
}

function readJson(file) {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return null;
  }
}

ensureDependencies();
fs.rmSync(resultsDir, { recursive: true, force: true });
fs.mkdirSync(resultsDir, { recursive: true });

let passed = 0;
let failed = 0;
const problems = [];

// Lint and format: ESLint with no warnings, then Prettier's check (npm run lint).
const lintCode = run('npm', ['run', '--silent', 'lint']);
if (lintCode !== 0) problems.push('npm run lint failed: ESLint or Prettier found problems (npm run format fixes formatting)');
else log('lint: ESLint and Prettier pass');

// Unit tests.
const unitCode = run(path.join(root, 'node_modules', '.bin', 'vitest'), ['run', '--reporter=default', '--reporter=json', `--outputFile.json=${unitReport}`]);
const unit = readJson(unitReport);
if (unit) {
  passed += unit.numPassedTests ?? 0;
  failed += (unit.numFailedTests ?? 0) + (unit.numRuntimeErrorTests ?? 0);
  log(`unit: ${unit.numPassedTests} passed, ${unit.numFailedTests} failed`);
}
if (!unit) problems.push('the unit tests wrote no report');
else if (unitCode !== 0 && !unit.numFailedTests) problems.push(`vitest exited with code ${unitCode}`);

// End-to-end tests against a production build and a fresh database.
const browser = findBrowser();
if (!browser) problems.push('no Chromium could be found or installed for the end-to-end tests');
else {
  log(`browser: ${browser}`);
  ensureBuild();
  const env = {
    ...process.env,
    PLAYWRIGHT_CHROMIUM_PATH: browser,
    DATABASE_PATH: process.env.E2E_DATABASE_PATH || 'data/e2e.db',
    NEXTAUTH_SECRET: 'e2e-only-secret-0123456789abcdef0123456789abcdef',
    NEXT_TELEMETRY_DISABLED: '1',
  };
  const dbFile = path.resolve(root, env.DATABASE_PATH);
  removeDatabase(dbFile);
  // The meetings journey imports the seed pack's plan and minutes itself, so they are not seeded here.
  setupDatabase({ ...env, SEED_DEMO_MEETINGS: 'false' });
  const e2eCode = run(path.join(root, 'node_modules', '.bin', 'playwright'), ['test'], { env });
  const e2e = readJson(e2eReport);
  if (e2e?.stats) {
    const ok = (e2e.stats.expected ?? 0) + (e2e.stats.flaky ?? 0);
    const bad = e2e.stats.unexpected ?? 0;
    passed += ok;
    failed += bad;
    log(`e2e: ${ok} passed, ${bad} failed${e2e.stats.skipped ? `, ${e2e.stats.skipped} skipped` : ''}`);
    if (e2e.errors?.length) problems.push(`Playwright reported ${e2e.errors.length} error(s) outside tests`);
  } else problems.push('the end-to-end tests wrote no report');
  if (e2eCode !== 0 && !failed && !problems.length) problems.push(`playwright exited with code ${e2eCode}`);
}

for (const problem of problems) log(`problem: ${problem}`);
if (passed + failed === 0) problems.push('no test ran');
console.log(`${passed} passed, ${failed} failed`);
process.exit(failed > 0 || problems.length > 0 ? 1 : 0);
