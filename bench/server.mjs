// Starts the production server against a database for the benchmark and signs in over HTTP.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';

/** Linux's USER_HZ: /proc reports CPU times in these ticks. */
const CLOCK_TICKS = 100;

/** The fields of /proc/PID/stat after the command name (field 3, the state, is [0]). */
function statFields(pid) {
  const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
  return stat.slice(stat.lastIndexOf(')') + 2).split(' ');
}

/** The processes of a process group (the server and its workers). */
function groupPids(pgid) {
  const pids = [];
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      if (Number(statFields(pid)[2]) === pgid) pids.push(pid);
    } catch {
      // process ended
    }
  }
  return pids;
}

const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

export async function startServer(root, { port, database, nodeArgs = (process.env.BENCH_NODE_ARGS ?? '').split(' ').filter(Boolean) }) {
  const env = {
    ...process.env,
    DATABASE_PATH: database,
    NEXTAUTH_URL: `http://127.0.0.1:${port}`,
    NEXTAUTH_SECRET: 'benchmark-only-secret-0123456789abcdef0123456789',
    NEXT_TELEMETRY_DISABLED: '1',
    // The synthetic registers are trial data: their audit key is the one seed:synthetic made beside them.
    SEED_DEMO: 'true',
    NODE_ENV: 'production',
    // The figures are of pages and writes; a reminder run at start-up would add work of its own.
    REMINDERS: 'off',
    AUDIT_CHECK: 'off',
  };
  if (nodeArgs.length) env.NODE_OPTIONS = [env.NODE_OPTIONS, ...nodeArgs].filter(Boolean).join(' ');
  // As `npm start` serves: one `next start` process.
  const child = spawn(path.join(root, 'node_modules', '.bin', 'next'), ['start', '-p', String(port), '-H', '127.0.0.1'], {
    cwd: root,
    env,
    detached: true,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  const deadline = Date.now() + 60_000;
  for (;;) {
    try {
      if ((await fetch(`http://127.0.0.1:${port}/api/health`)).ok) break;
    } catch {
      // not up yet
    }
    if (Date.now() > deadline || child.exitCode !== null) throw new Error(`the server did not start: ${stderr.slice(-500)}`);
    await sleep(100);
  }
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    pid: child.pid,
    database,
    /** Resident memory (kB) of each process of the server (the primary and its workers). */
    rssKbEach() {
      const each = [];
      for (const pid of groupPids(child.pid)) {
        try {
          const rss = /VmRSS:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'));
          if (rss) each.push(Number(rss[1]));
        } catch {
          // process ended
        }
      }
      return each;
    },
    /** CPU time (ms, user + system) used so far by the server's processes that are still running. */
    cpuMs() {
      const tick = 1000 / CLOCK_TICKS;
      let total = 0;
      for (const pid of groupPids(child.pid)) {
        try {
          const fields = statFields(pid);
          total += (Number(fields[11]) + Number(fields[12])) * tick;
        } catch {
          // process ended
        }
      }
      return total;
    },
    async stop() {
      try {
        process.kill(-child.pid, 'SIGTERM');
      } catch {
        return;
      }
      const timer = setTimeout(() => {
        try {
          process.kill(-child.pid, 'SIGKILL');
        } catch {
          // gone
        }
      }, 5000);
      await exited;
      clearTimeout(timer);
    },
  };
}

function cookiesOf(response, jar) {
  for (const line of response.headers.getSetCookie()) {
    const [pair] = line.split(';');
    const eq = pair.indexOf('=');
    jar.set(pair.slice(0, eq), pair.slice(eq + 1));
  }
}

/** Signs in with the credentials endpoint; returns the Cookie header for later requests. */
export async function signIn(port, email, password = 'demo-password') {
  const base = `http://127.0.0.1:${port}`;
  const jar = new Map();
  const csrf = await fetch(`${base}/api/auth/csrf`);
  cookiesOf(csrf, jar);
  const { csrfToken } = await csrf.json();
  const cookie = () => [...jar].map(([k, v]) => `${k}=${v}`).join('; ');
  const response = await fetch(`${base}/api/auth/callback/credentials`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'Content-Type': 'application/x-www-form-urlencoded', Cookie: cookie() },
    body: new URLSearchParams({ csrfToken, email, password }),
  });
  cookiesOf(response, jar);
  if (!jar.has('next-auth.session-token')) throw new Error(`could not sign in as ${email} (${response.status})`);
  return cookie();
}
