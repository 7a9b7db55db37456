// Helpers shared by `npm start` and `npm test`. Plain Node with no dependencies, because they run
// before node_modules exists on a fresh clone.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

export function log(message) {
  console.log(`[${path.basename(process.argv[1] ?? 'script')}] ${message}`);
}

/** Runs a command in the project, streaming its output; returns its exit code. */
export function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: options.env ?? process.env });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

/** Runs a command and stops this script if it fails. */
export function runOrExit(command, args, options) {
  const code = run(command, args, options);
  if (code !== 0) {
    log(`${command} ${args.join(' ')} failed with exit code ${code}`);
    process.exit(code);
  }
}

function mtime(file) {
  try {
    return fs.statSync(file).mtimeMs;
  } catch {
    return 0;
  }
}

function newestIn(dir) {
  let newest = 0;
  if (!fs.existsSync(dir)) return 0;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    newest = Math.max(newest, entry.isDirectory() ? newestIn(full) : mtime(full));
  }
  return newest;
}

/**
 * Installs dependencies with `npm ci` when node_modules is missing or older than the lockfile.
 * better-sqlite3 builds from source where its prebuilt download is unreachable: point node-gyp at the
 * machine's Node headers when they are installed and nothing else is configured.
 */
export function ensureDependencies() {
  const marker = path.join(root, 'node_modules', '.package-lock.json');
  if (fs.existsSync(marker) && mtime(marker) >= mtime(path.join(root, 'package-lock.json'))) return;
  const env = { ...process.env };
  if (!env.npm_config_nodedir && fs.existsSync('/usr/include/node/node.h')) env.npm_config_nodedir = '/usr';
  log('installing dependencies (npm ci) …');
  const started = Date.now();
  runOrExit('npm', ['ci', '--include=dev', '--no-audit', '--no-fund'], { env });
  log(`dependencies installed in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

const BUILD_INPUTS = ['app', 'components', 'db', 'lib', 'drizzle'];
const BUILD_FILES = ['next.config.js', 'tsconfig.json', 'package-lock.json', 'proxy.ts', 'instrumentation.ts'];

/** Builds the app when there is no build or a source file is newer than it, and the compiled jobs with it. */
export function ensureBuild() {
  const buildId = path.join(root, '.next', 'BUILD_ID');
  const built = mtime(buildId);
  const newest = Math.max(...BUILD_INPUTS.map((d) => newestIn(path.join(root, d))), ...BUILD_FILES.map((f) => mtime(path.join(root, f))));
  if (!built || built < newest) {
    log(built ? 'sources changed since the last build: building …' : 'building the app …');
    const started = Date.now();
    runOrExit(path.join(root, 'node_modules', '.bin', 'next'), ['build'], { env: { ...process.env, NEXT_TELEMETRY_DISABLED: '1' } });
    log(`built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  }
  // The processes the server starts (scripts/build-jobs.mjs), when missing or older than their sources: a
  // running server may be starting one, so an up-to-date file is never rewritten under it.
  const jobs = ['parse-child', 'reminders-send', 'audit-verify'].map((name) => mtime(path.join(root, 'dist', `${name}.mjs`)));
  if (Math.min(...jobs) < Math.max(newest, newestIn(path.join(root, 'scripts')))) runOrExit(process.execPath, [path.join(root, 'scripts', 'build-jobs.mjs')]);
}

/** Migrates the database and seeds the demo register on first run (see scripts/db-setup.ts). */
export function setupDatabase(env = process.env) {
  runOrExit(path.join(root, 'node_modules', '.bin', 'tsx'), [path.join('scripts', 'db-setup.ts')], { env });
}

/** Deletes a database file with its WAL files and the records its server processes left (FILE.server-pid-PID). */
export function removeDatabase(file) {
  for (const suffix of ['', '-wal', '-shm']) fs.rmSync(file + suffix, { force: true });
  const dir = path.dirname(file);
  const prefix = `${path.basename(file)}.server-pid-`;
  if (fs.existsSync(dir)) for (const name of fs.readdirSync(dir).filter((n) => n.startsWith(prefix))) fs.rmSync(path.join(dir, name), { force: true });
}
