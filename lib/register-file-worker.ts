/**
 * Parses a register off the request thread: a worker thread (lib/register-parse.worker.ts) with a memory
 * ceiling and a time limit. Whatever the file does to the worker (too slow, too much memory, a crash),
 * the answer is a refusal in words and the server carries on.
 */
import { Worker } from 'node:worker_threads';
import type { ImportResult } from './domain/register-import';
import { refused } from './register-file';

/** The longest a register may take to read, and the memory its reading may use. */
export const PARSE_LIMITS = { timeoutMs: 5_000, maxOldGenerationSizeMb: 256 } as const;

/** Reads an uploaded file (`name`, `content`) or pasted `text` in a worker thread. */
export function previewInWorker(job: { name: string; content: Buffer } | { text: string }, limits = PARSE_LIMITS): Promise<ImportResult> {
  return new Promise((resolve) => {
    const worker = new Worker(new URL('./register-parse.worker.ts', import.meta.url), {
      workerData: 'text' in job ? job : { name: job.name, content: new Uint8Array(job.content) },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxOldGenerationSizeMb, maxYoungGenerationSizeMb: 32, stackSizeMb: 8 },
    });
    let settled = false;
    const finish = (result: ImportResult) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      resolve(result);
    };
    const timer = setTimeout(
      () =>
        finish(
          refused('csv', `This register took more than ${limits.timeoutMs / 1000} seconds to read, far longer than a register needs, so it was not read.`),
        ),
      limits.timeoutMs,
    );
    worker.once('message', (result: ImportResult) => finish(result));
    worker.once('error', (error: Error & { code?: string }) =>
      finish(
        refused(
          'csv',
          error.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? 'This register needs more memory to read than any register should, so it was not read.'
            : 'This register could not be read. Save it again as .xlsx, .csv or text and upload it.',
        ),
      ),
    );
    worker.once('exit', () => finish(refused('csv', 'This register could not be read. Save it again as .xlsx, .csv or text and upload it.')));
  });
}
