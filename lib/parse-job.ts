/**
 * Reads an upload or a paste in a process of its own (dist/parse-child.mjs, compiled from lib/parse-child.ts
 * by `npm run build`): a register (text, CSV or .xlsx), an inspection report (text or PDF), or a meeting's
 * minutes or forward work plan (text, PDF or Word). The process has
 * a heap ceiling, a time limit and, where the system reports it (Linux's /proc), a ceiling on all the memory
 * it holds, including the buffers a PDF inflates into, which no heap limit counts. When it breaks a limit or
 * dies, the caller gets the reason and the server carries on: an out-of-memory in a worker thread would end
 * the whole server, one in a child process ends only the child.
 */
import { fork } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import type { ImportResult } from './domain/register-import';
import type { MeetingPaperJob, MeetingPaperRead } from './meeting-file';
import type { ReportRead } from './report-file';

export type ParseJob =
  | { kind: 'register'; name: string; content: Uint8Array }
  | { kind: 'register'; text: string }
  | { kind: 'report'; name: string; content: Uint8Array }
  | { kind: 'report'; text: string }
  | ({ kind: 'meeting' } & MeetingPaperJob);

type Answer<J extends ParseJob> = J['kind'] extends 'register' ? ImportResult : J['kind'] extends 'meeting' ? MeetingPaperRead : ReportRead;

export type ParseOutcome<T> = { ok: true; result: T } | { ok: false; reason: 'timeout' | 'memory' | 'failed' };

/** How long a reading may take, its heap, and all the memory its process may hold. */
export type ParseLimits = { timeoutMs: number; heapMb: number; residentMb: number };
export const PARSE_LIMITS: ParseLimits = { timeoutMs: 10_000, heapMb: 256, residentMb: 768 };

/** The compiled reader, found from the project's folder as the server and the scripts run from it. */
export function parseChildPath(): string {
  return path.resolve(/*turbopackIgnore: true*/ process.cwd(), 'dist', 'parse-child.mjs');
}

/** The process's resident memory in MB from /proc, or null where the system does not report it. */
async function residentMb(pid: number): Promise<number | null> {
  try {
    const status = await readFile(`/proc/${pid}/status`, 'utf8');
    const match = /^VmRSS:\s+(\d+) kB/m.exec(status);
    return match ? Number(match[1]) / 1024 : null;
  } catch {
    return null;
  }
}

/** Runs one job in a fresh process and answers with its result, or why there is none. */
export function runParseJob<J extends ParseJob>(job: J, limits: ParseLimits = PARSE_LIMITS): Promise<ParseOutcome<Answer<J>>> {
  return new Promise((resolve) => {
    const child = fork(parseChildPath(), [], {
      execArgv: [`--max-old-space-size=${limits.heapMb}`],
      serialization: 'advanced',
      stdio: ['ignore', 'ignore', 'ignore', 'ipc'],
    });
    let settled = false;
    const finish = (outcome: ParseOutcome<Answer<J>>) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      clearInterval(watch);
      if (child.exitCode === null) child.kill('SIGKILL');
      resolve(outcome);
    };
    const timer = setTimeout(() => finish({ ok: false, reason: 'timeout' }), limits.timeoutMs);
    const watch = setInterval(async () => {
      const held = child.pid === undefined ? null : await residentMb(child.pid);
      if (held !== null && held > limits.residentMb) finish({ ok: false, reason: 'memory' });
    }, 100);
    child.once('message', (result) => finish({ ok: true, result: result as Answer<J> }));
    child.once('error', () => finish({ ok: false, reason: 'failed' }));
    // V8 ends a process whose heap is full with SIGABRT or SIGTRAP, or exit code 134.
    child.once('exit', (code, signal) => finish({ ok: false, reason: code === 134 || signal === 'SIGABRT' || signal === 'SIGTRAP' ? 'memory' : 'failed' }));
    child.send(job);
  });
}

const REGISTER_REFUSALS = {
  timeout: `This register took more than ${PARSE_LIMITS.timeoutMs / 1000} seconds to read, far longer than a register needs, so it was not read.`,
  memory: 'This register needs more memory to read than any register should, so it was not read.',
  failed: 'This register could not be read. Save it again as .xlsx, .csv or text and upload it.',
};

const REPORT_REFUSALS = {
  timeout: `This report took more than ${PARSE_LIMITS.timeoutMs / 1000} seconds to read, far longer than a report needs, so it was not read. Paste its text instead.`,
  memory: 'This report needs more memory to read than any inspection report should, so it was not read. Paste its text instead.',
  failed: 'The report could not be read: save it again as PDF or text, or paste its text.',
};

/** Previews a register in its own process; a broken limit is a refusal in words. */
export async function previewRegisterApart(job: Extract<ParseJob, { kind: 'register' }>): Promise<ImportResult> {
  const outcome = await runParseJob(job);
  if (outcome.ok) return outcome.result;
  return {
    format: 'text' in job ? 'csv' : /\.xlsx$/i.test(job.name) ? 'xlsx' : 'csv',
    risks: [],
    warnings: [],
    errors: [{ line: 0, code: 'too-large', message: REGISTER_REFUSALS[outcome.reason] }],
  };
}

/** Reads an inspection report in its own process; a broken limit is a refusal in words. */
export async function readReportApart(job: Extract<ParseJob, { kind: 'report' }>): Promise<ReportRead> {
  const outcome = await runParseJob(job);
  return outcome.ok ? outcome.result : { ok: false, message: REPORT_REFUSALS[outcome.reason] };
}

const MEETING_REFUSALS = {
  timeout: `This file took more than ${PARSE_LIMITS.timeoutMs / 1000} seconds to read, far longer than minutes or a plan need, so it was not read. Paste its text instead.`,
  memory: 'This file needs more memory to read than any minutes or plan should, so it was not read. Paste its text instead.',
  failed: 'The file could not be read: save it again as PDF, Word or text, or paste its text.',
};

/** Reads minutes or a forward work plan in its own process; a broken limit is a refusal in words. */
export async function readMeetingPaperApart(job: MeetingPaperJob): Promise<MeetingPaperRead> {
  const outcome = await runParseJob({ kind: 'meeting', ...job } as Extract<ParseJob, { kind: 'meeting' }>);
  return outcome.ok ? outcome.result : { ok: false, message: MEETING_REFUSALS[outcome.reason] };
}
