// `npm start`: install if needed, build if needed, migrate, seed the demo data on first run, serve.
import { spawn } from 'node:child_process';
import path from 'node:path';
import { ensureBuild, ensureDependencies, log, root, setupDatabase } from './lib.mjs';

const env = { ...process.env, NEXT_TELEMETRY_DISABLED: '1' };
const port = env.PORT || '3000';
if (!env.NEXTAUTH_URL) env.NEXTAUTH_URL = `http://localhost:${port}`;

ensureDependencies();
ensureBuild();
setupDatabase(env);

log(`serving on http://localhost:${port} (database ${env.DATABASE_PATH || 'data/register.db'})`);
const server = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', port], { cwd: root, stdio: 'inherit', env });
for (const signal of ['SIGINT', 'SIGTERM']) process.on(signal, () => server.kill(signal));
server.on('exit', (code) => process.exit(code ?? 0));
