// Compiles the programs the server starts as processes of their own into dist/ (plain JavaScript run by
// `node`, never TypeScript through a development tool): the upload reader (lib/parse-child.ts) and the two
// daily jobs (scripts/reminders-send.ts, scripts/audit-verify.ts). Packages stay in node_modules, loaded at
// run time as the server loads them. `npm run build` runs this after `next build`.
import path from 'node:path';
import { build } from 'esbuild';
import { root } from './lib.mjs';

export const JOBS = {
  'parse-child': 'lib/parse-child.ts',
  'reminders-send': 'scripts/reminders-send.ts',
  'audit-verify': 'scripts/audit-verify.ts',
};

export async function buildJobs() {
  await build({
    absWorkingDir: root,
    entryPoints: Object.fromEntries(Object.entries(JOBS).map(([name, source]) => [name, path.join(root, source)])),
    outdir: path.join(root, 'dist'),
    outExtension: { '.js': '.mjs' },
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    packages: 'external',
    jsx: 'automatic',
    tsconfig: path.join(root, 'tsconfig.json'),
    logLevel: 'warning',
  });
}

if (import.meta.url === `file://${process.argv[1]}`) await buildJobs();
