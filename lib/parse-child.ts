/**
 * The process that reads an upload or a paste (lib/parse-job.ts starts it, compiled to dist/parse-child.mjs):
 * one job per process, sent over IPC, answered once, then the process exits. Whatever a hostile file does
 * here (runs out of memory, loops, crashes) ends this process, never the server.
 */
import { previewRegisterFile, previewRegisterText } from './register-file';
import { readReport } from './report-file';
import { readMeetingPaper } from './meeting-file';
import type { ParseJob } from './parse-job';

process.once('message', async (job: ParseJob) => {
  const result =
    job.kind === 'meeting'
      ? await readMeetingPaper(job)
      : job.kind === 'register'
        ? 'text' in job
          ? previewRegisterText(job.text)
          : await previewRegisterFile(job.name, Buffer.from(job.content))
        : await readReport('text' in job ? { text: job.text } : { name: job.name, content: job.content });
  process.send!(result, () => process.exit(0));
});
